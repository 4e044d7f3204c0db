/** Global on/off, "Show unknown faces" and the sensitivity slider with its trade-off in words. */
import { describeSensitivity } from '../engine/match/sensitivity.js';
import { toBackground } from '../platform/send.js';
import type { Settings } from '../shared/protocol.js';
import { byId } from './dom.js';

export async function initSettings(): Promise<void> {
  const enabled = byId<HTMLInputElement>('enabled');
  const unknown = byId<HTMLInputElement>('show-unknown');
  const slider = byId<HTMLInputElement>('sensitivity');
  const help = byId<HTMLParagraphElement>('sensitivity-help');
  const show = (s: Settings) => {
    enabled.checked = s.enabled;
    unknown.checked = s.showUnknown;
    slider.value = String(s.sensitivity);
    help.textContent = describeSensitivity(s.sensitivity);
    slider.setAttribute('aria-valuetext', help.textContent);
  };
  const save = async (change: Partial<Settings>) => {
    const r = await toBackground('setSettings', change);
    if (r.ok) show(r.value);
  };
  const settings = await toBackground('getSettings', {});
  if (settings.ok) show(settings.value);
  enabled.onchange = () => void save({ enabled: enabled.checked });
  unknown.onchange = () => void save({ showUnknown: unknown.checked });
  // Words follow the slider as it moves; the setting is saved once it is let go.
  slider.oninput = () => {
    help.textContent = describeSensitivity(Number(slider.value));
    slider.setAttribute('aria-valuetext', help.textContent);
  };
  slider.onchange = () => void save({ sensitivity: Number(slider.value) });
}
