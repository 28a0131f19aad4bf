/**
 * The DKFDS icons this app uses (`dkfds/dist/img/svg-icons`, Material Symbols), drawn inline with
 * DKFDS's `icon-svg` class instead of through the sprite file DKFDS pages embed.
 */
const PATHS = {
  menu: 'M120-240v-80h720v80H120Zm0-200v-80h720v80H120Zm0-200v-80h720v80H120Z',
  close: 'm256-200-56-56 224-224-224-224 56-56 224 224 224-224 56 56-224 224 224 224-56 56-224-224-224 224Z',
  lock: 'M240-80q-33 0-56.5-23.5T160-160v-400q0-33 23.5-56.5T240-640h40v-80q0-83 58.5-141.5T480-920q83 0 141.5 58.5T680-720v80h40q33 0 56.5 23.5T800-560v400q0 33-23.5 56.5T720-80H240Zm0-80h480v-400H240v400Zm240-120q33 0 56.5-23.5T560-360q0-33-23.5-56.5T480-440q-33 0-56.5 23.5T400-360q0 33 23.5 56.5T480-280ZM360-640h240v-80q0-50-35-85t-85-35q-50 0-85 35t-35 85v80ZM240-160v-400 400Z',
  'first-page': 'M240-240v-480h80v480h-80Zm440 0L440-480l240-240 56 56-184 184 184 184-56 56Z',
  'last-page': 'm280-240-56-56 184-184-184-184 56-56 240 240-240 240Zm360 0v-480h80v480h-80Z',
  'chevron-left': 'M560-240 320-480l240-240 56 56-184 184 184 184-56 56Z',
  'chevron-right': 'M504-480 320-664l56-56 240 240-240 240-56-56 184-184Z',
} as const;

export type IconName = keyof typeof PATHS;

/** A decorative DKFDS icon: the text beside it says what it means. */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon-svg" viewBox="0 -960 960 960" focusable="false" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
