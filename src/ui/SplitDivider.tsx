import type { KeyboardEvent, PointerEvent } from 'react';

/** Arrow keys move the divider by this share of the width it splits (Shift: ten times as far). */
const KEY_STEP = 0.02;

/** The divider's knob: a drawing, hidden from screen readers (the slider says what it is). */
const KNOB = '‹ ›';

/**
 * A before/after divider across the element that holds it: dragged with a finger or the mouse, or moved with
 * the arrow keys, Home and End. `position` is the share of the holder's width left of it (0–1); the holder
 * must be positioned, since the divider is placed and measured against it.
 */
export function SplitDivider(props: { position: number; onMove(position: number): void; label: string; valueText: string; testId: string }) {
  const { position, onMove } = props;
  const moveTo = (divider: HTMLElement, clientX: number) => {
    const holder = divider.parentElement?.getBoundingClientRect();
    if (holder && holder.width > 0) onMove((clientX - holder.left) / holder.width);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    moveTo(e.currentTarget, e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e.currentTarget, e.clientX);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? KEY_STEP * 10 : KEY_STEP;
    const next = { ArrowLeft: position - step, ArrowRight: position + step, Home: 0, End: 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onMove(next);
  };
  return (
    <div
      className="compare-divider"
      style={{ left: `${position * 100}%` }}
      role="slider"
      tabIndex={0}
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(position * 100)}
      aria-valuetext={props.valueText}
      data-testid={props.testId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    >
      <span className="compare-knob" aria-hidden="true">
        {KNOB}
      </span>
    </div>
  );
}
