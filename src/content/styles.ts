/** The overlay's styles, scoped to its closed shadow root so the page can neither see nor restyle them. */
export const OVERLAY_CSS = `
:host { all: initial; }
.frame { position: absolute; pointer-events: none; }
.face { position: absolute; box-sizing: border-box; border: 2px solid #1a73e8; border-radius: 4px; pointer-events: none; }
.face.unknown { border-color: rgba(255, 255, 255, 0.7); border-style: dashed; }
.label {
  position: absolute; left: -2px; top: 100%; margin-top: 2px; padding: 1px 5px; border-radius: 3px;
  background: #1a73e8; color: #fff; font: 600 12px/16px system-ui, sans-serif; white-space: nowrap;
  pointer-events: none;
}
.menu {
  position: absolute; z-index: 1; display: flex; flex-direction: column; min-width: 140px; padding: 4px 0; pointer-events: auto;
  font: 14px/1.4 system-ui, sans-serif; color: #202124; background: #fff; border-radius: 8px; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.35);
}
.menu button { all: unset; padding: 4px 12px; cursor: pointer; }
.menu button:hover, .menu button:focus { background: #e8f0fe; outline: 2px solid #1a73e8; outline-offset: -2px; }
.label.inside { top: auto; bottom: 0; margin: 0; left: 0; }
.unknown .label { background: rgba(60, 60, 60, 0.85); font-weight: 400; }
.pick {
  position: absolute; box-sizing: border-box; border: 3px solid #f9ab00; border-radius: 6px; background: rgba(249, 171, 0, 0.15);
  pointer-events: auto; cursor: pointer; padding: 0; margin: 0;
}
.pick:hover, .pick:focus { background: rgba(249, 171, 0, 0.35); outline: none; }
.hint, .toast {
  position: absolute; z-index: 1; box-sizing: border-box; font: 14px/1.4 system-ui, sans-serif; color: #202124; background: #fff;
  border-radius: 8px; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.35); padding: 8px 10px; pointer-events: auto;
}
.toast { position: fixed; top: 12px; right: 12px; pointer-events: none; }
.label::before, .toast::before, .toast-action::before { content: attr(data-text); }
.toast-action { all: unset; margin-left: 10px; color: #1a73e8; font-weight: 600; cursor: pointer; pointer-events: auto; }
.toast-action:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.prompt-frame {
  position: absolute; z-index: 1; width: 270px; height: 190px; border: 0; margin: 0; padding: 0; background: transparent;
  color-scheme: normal; pointer-events: auto;
}
`;
