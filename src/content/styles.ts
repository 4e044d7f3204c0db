/** The overlay's styles, scoped to its closed shadow root so the page can neither see nor restyle them. */
export const OVERLAY_CSS = `
:host { all: initial; }
.frame { position: absolute; pointer-events: none; }
.face { position: absolute; box-sizing: border-box; border: 2px solid #1a73e8; border-radius: 4px; pointer-events: none; }
.face.unknown { border-color: rgba(255, 255, 255, 0.7); border-style: dashed; }
.label {
  position: absolute; left: -2px; top: 100%; margin-top: 2px; padding: 1px 5px; border-radius: 3px;
  background: #1a73e8; color: #fff; font: 600 12px/16px system-ui, sans-serif; white-space: nowrap;
  pointer-events: auto; cursor: pointer;
}
.label:focus-visible { outline: 2px solid #f9ab00; outline-offset: 1px; }
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
.hint, .prompt, .toast {
  position: absolute; z-index: 1; box-sizing: border-box; font: 14px/1.4 system-ui, sans-serif; color: #202124; background: #fff;
  border-radius: 8px; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.35); padding: 8px 10px; pointer-events: auto;
}
.prompt { width: 260px; }
.prompt label { display: block; font-weight: 600; margin-bottom: 4px; }
.prompt input { box-sizing: border-box; width: 100%; font: inherit; padding: 4px 6px; border: 1px solid #5f6368; border-radius: 4px; }
.prompt .warn { color: #b06000; margin: 6px 0 0; }
.prompt .buttons { margin-top: 8px; display: flex; gap: 6px; justify-content: flex-end; }
.prompt button { font: inherit; padding: 2px 10px; }
.toast { position: fixed; top: 12px; right: 12px; }
`;
