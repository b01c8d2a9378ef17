// The voices that can read an article aloud (the Web Speech API's), for the reader view's
// settings panel and the options page alike.
import { t } from './i18n.js';

/** The voice named by a `voice` setting (its voiceURI), or null: the browser's default. */
export function voiceOf(uri) {
  return (uri && speechSynthesis.getVoices().find((voice) => voice.voiceURI === uri)) || null;
}

/**
 * Fills `select` with the browser's default and every voice, and again whenever the list
 * changes (voices load late); `chosen()` is the voice setting to show selected. Returns a
 * function that stops following the list.
 */
export function listVoices(select, chosen) {
  const fill = () => {
    const voices = speechSynthesis.getVoices();
    select.replaceChildren(
      new Option(t('voiceDefault'), ''),
      ...voices.map((voice) => new Option(`${voice.name} (${voice.lang})`, voice.voiceURI)),
    );
    select.value = chosen();
  };
  fill();
  speechSynthesis.addEventListener('voiceschanged', fill);
  return () => speechSynthesis.removeEventListener('voiceschanged', fill);
}
