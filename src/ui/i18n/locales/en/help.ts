/** English: the catalogue every other language translates, key for key (its type is theirs). */
export const help = {
  button: { label: 'Help', hint: 'Gestures, shortcuts and the guide' },
  title: 'Help',
  close: 'Close',
  gestures: {
    title: 'Gestures',
    turn: { what: 'Turn the head', how: 'Drag with one finger or the mouse' },
    zoom: { what: 'Zoom', how: 'Pinch, or scroll the mouse wheel' },
    pan: { what: 'Move the head sideways', how: 'Drag with two fingers, or right-drag' },
    views: { what: 'Standard views', how: 'Front, Back, Left, Right, Top and ¾ above the view' },
    loupe: { what: 'Magnify the scalp', how: 'Loupe, then point at the scalp: a {{size}} circle at true scale' },
    movePoint: { what: 'Move a hairline point', how: 'Hairline → Edit hairline, then drag a handle' },
    addPoint: { what: 'Add / remove a hairline point', how: 'Double-click near the line / select it and press Delete' },
    paint: { what: 'Paint density, hair or a scar', how: 'Choose the brush in its step, then drag over the scalp' },
    compare: { what: 'Compare', how: 'Before above the view; Split and Grid in Compare & report' },
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    undo: 'Undo',
    redo: 'Redo',
    loupe: 'Loupe on or off',
    remove: 'Remove the selected hairline point',
    divider: 'Move the split-screen divider',
    focus: 'Move between controls',
    escape: 'Close a dialog; during a drag or a brush stroke, take it back',
  },
  /** Key names as keyboards in each language print them; the shortcuts are written with them. */
  keys: { ctrl: 'Ctrl', shift: 'Shift', delete: 'Delete', escape: 'Escape', tab: 'Tab', divider: '← → (on the divider)' },
  disclaimer: 'A simulation, not a guarantee: healed results vary with skin, aftercare and technique.',
  replay: 'Show the guide again',
  guide: {
    progress: '{{page}} of {{total}}',
    skip: 'Skip',
    close: 'Close',
    back: 'Back',
    next: 'Next',
    start: 'Start',
    welcome: {
      title: 'Welcome to the SMP Simulator',
      text: 'It shows scalp micropigmentation at true size on a 3D head: every dot is drawn at its planned size, spacing and shade. Nothing you enter leaves this device.',
    },
    steps: {
      title: 'Seven steps, in consultation order',
      text: 'The panel walks through {{steps}}. Each step shows only what it needs; Next takes you on.',
    },
    look: {
      title: 'Look closely',
      text: 'Drag to turn the head, pinch or scroll to zoom. The Loupe magnifies the scalp with a millimetre scale, and Before shows the head without SMP.',
    },
    safe: {
      title: 'Nothing is lost',
      text: 'Every change can be undone, plans save themselves on this device, and Plans keeps each client’s plan. Help (?) lists every gesture and shortcut and replays this guide.',
    },
  },
};
