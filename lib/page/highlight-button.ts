// The floating "Highlight" button shown next to a text selection. Lives in the gate content
// script, so it must stay tiny: a shadow root keeps the page's CSS out of it.

export interface HighlightButton {
  /** Shows the button near the selection, or hides it when there is none worth highlighting. */
  update(): void;
  remove(): void;
}

const MIN_CHARS = 3;

export function createHighlightButton(doc: Document, onPress: () => void): HighlightButton {
  // Built on the first selection worth highlighting: most pages never get one, and creating the first element
  // in the content script's world costs a few tenths of a millisecond (measured in Chromium).
  let parts: { host: HTMLElement; button: HTMLButtonElement } | undefined;
  // The selection just highlighted: the press's own mouseup must not bring the button back for it.
  let pressedText = '';

  const build = () => {
    const host = doc.createElement('beatwatch-highlight-button');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent =
      'button{all:initial;position:fixed;z-index:2147483647;font:13px system-ui,sans-serif;background:#1f5f8b;color:#fff;' +
      'padding:4px 10px;border-radius:6px;cursor:pointer;box-shadow:0 2px 6px rgba(0,0,0,.3)}button[hidden]{display:none}' +
      'button:focus-visible{outline:2px solid #ffd23f}';
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = 'Highlight';
    button.setAttribute('aria-label', 'Highlight the selected text with Beatwatch');
    button.hidden = true;
    // Pressing must not clear the selection it is about to highlight.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      button.hidden = true;
      pressedText = doc.getSelection()?.toString().trim() ?? '';
      onPress();
    });
    shadow.append(style, button);
    return { host, button };
  };

  return {
    update() {
      const selection = doc.getSelection();
      const text = selection && !selection.isCollapsed ? selection.toString().trim() : '';
      if (text.length < MIN_CHARS || !selection?.rangeCount || text === pressedText) {
        if (parts) parts.button.hidden = true;
        if (text !== pressedText) pressedText = '';
        return;
      }
      parts ??= build();
      const { host, button } = parts;
      const rect = selection.getRangeAt(selection.rangeCount - 1).getBoundingClientRect();
      if (!host.isConnected) doc.documentElement.append(host);
      button.style.top = `${Math.max(4, rect.bottom + 6)}px`;
      button.style.left = `${Math.max(4, Math.min(rect.left, (doc.defaultView?.innerWidth ?? 800) - 110))}px`;
      button.hidden = false;
    },
    remove() {
      parts?.host.remove();
    },
  };
}
