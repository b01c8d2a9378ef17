// Changes to the page's own nodes, made so that they can be taken back exactly.

/** Hides a node with an inline style, remembering how to put back its exact style text. */
export function hideNode(node) {
  const saved = [
    node,
    node.style.getPropertyValue('display'),
    node.style.getPropertyPriority('display'),
    node.getAttribute('style'),
  ];
  node.style.setProperty('display', 'none', 'important');
  saved.push(node.style.cssText);
  return saved;
}

export function unhideNode([node, display, priority, attribute, cssText]) {
  if (node.style.cssText === cssText) {
    // Untouched by the page: the attribute as it was. Chromium writes node.style's edits
    // into the attribute lazily, and a write still pending brings back style="" after
    // removeAttribute('style'); reading the attribute first makes it happen now.
    node.getAttribute('style');
    return setAttribute(node, 'style', attribute);
  }
  if (display) node.style.setProperty('display', display, priority);
  else node.style.removeProperty('display');
}

/** Sets an attribute, or removes it for null (what getAttribute gave for an absent one). */
export function setAttribute(node, name, value) {
  if (value === null) node.removeAttribute(name);
  else node.setAttribute(name, value);
}
