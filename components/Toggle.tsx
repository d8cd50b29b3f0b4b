import type { JSX } from 'preact';

export interface ToggleProps {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** A labelled switch: a native checkbox with role="switch", so it is keyboard-operable and announced. */
export function Toggle(props: ToggleProps): JSX.Element {
  return (
    <label class="toggle">
      <input
        type="checkbox"
        role="switch"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange((e.currentTarget).checked)}
      />
      <span class="track" aria-hidden="true" />
      <span class="label">{props.label}</span>
    </label>
  );
}
