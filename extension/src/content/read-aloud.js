// Read aloud (the Web Speech API): the article spoken a block at a time (the title, headings,
// paragraphs, list items, captions), from the first one in view, with the voice and speed
// of the settings; the block being spoken is highlighted and kept in view. Play, pause and
// stop act on the person's own press only (onUserClick); the page's scripts share
// speechSynthesis and can stop it, which stops this too.
import { t } from '../common/i18n.js';
import { onUserClick } from '../common/user-input.js';
import { voiceOf } from '../common/voices.js';

/** The blocks spoken, each one utterance. */
const SPOKEN = '.lectern-title, .lectern-content :is(h1, h2, h3, h4, h5, h6, p, li, dt, dd, figcaption, blockquote, pre, td, th)';

/** The class of the block being spoken (reader.css). */
const SPEAKING = 'lectern-speaking';

/** The part of the window a spoken block stays in, from the top: above a panel's sheet. */
const KEPT_IN_VIEW = 0.5;

/**
 * Wires the "read aloud" panel's buttons (in the controls' shadow root); `settings` is the
 * settings panel (its voice and speed). Returns {stop()}.
 */
export function wireReadAloud(controls, reader, article, settings) {
  const panel = controls.getElementById('lectern-speech');
  const button = (name) => panel.querySelector(`.lectern-speech-${name}`);
  const [play, pause, stop] = ['play', 'pause', 'stop'].map(button);
  const status = panel.querySelector('.lectern-status');
  /** 'idle', 'speaking' or 'paused'. */
  let now = 'idle';
  /** Counts the runs: an utterance of an earlier run (cancelled) must not go on. */
  let run = 0;
  let spoken = null;

  const show = (next) => {
    now = next;
    play.textContent = t(now === 'paused' ? 'speechResume' : 'speechPlay');
    play.disabled = now === 'speaking';
    pause.disabled = now !== 'speaking';
    stop.disabled = now === 'idle';
  };
  const highlight = (block) => {
    spoken?.classList.remove(SPEAKING);
    spoken = block;
    if (!block) return;
    block.classList.add(SPEAKING);
    const { top, bottom } = block.getBoundingClientRect();
    if (top < 0 || bottom > innerHeight * KEPT_IN_VIEW) block.scrollIntoView({ block: 'start' });
  };
  const end = () => {
    run++;
    speechSynthesis.cancel();
    highlight(null);
    show('idle');
  };
  const speak = (blocks, index, mine) => {
    if (mine !== run) return;
    const block = blocks[index];
    if (!block) return end();
    highlight(block);
    const utterance = new SpeechSynthesisUtterance(block.innerText);
    utterance.lang = article.lang || document.documentElement.lang;
    utterance.voice = voiceOf(settings.value('voice'));
    utterance.rate = settings.value('speechRate');
    utterance.addEventListener('end', () => speak(blocks, index + 1, mine));
    utterance.addEventListener('error', (event) => {
      if (mine !== run) return;
      end();
      // Cancelled elsewhere (the page, another tab) is a stop; anything else, no voice.
      if (event.error !== 'interrupted' && event.error !== 'canceled') status.textContent = t('speechFailed');
    });
    speechSynthesis.speak(utterance);
  };

  onUserClick(play, () => {
    status.textContent = '';
    if (now === 'paused') speechSynthesis.resume();
    else {
      end();
      const blocks = spokenBlocks(reader);
      const first = blocks.findIndex((block) => block.getBoundingClientRect().bottom > 0);
      speak(blocks, Math.max(first, 0), run);
    }
    show('speaking');
  });
  onUserClick(pause, () => {
    speechSynthesis.pause();
    show('paused');
  });
  onUserClick(stop, end);
  show('idle');
  return {
    stop() {
      if (now !== 'idle') end();
    },
  };
}

/** The blocks to speak, in order: shown, with text, none inside another. */
function spokenBlocks(reader) {
  return [...reader.querySelectorAll(SPOKEN)].filter(
    (block) => !block.parentElement.closest(SPOKEN) && block.checkVisibility() && block.innerText.trim(),
  );
}
