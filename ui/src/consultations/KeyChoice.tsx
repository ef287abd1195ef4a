import { Button, Group, Input } from "@mantine/core";
import { type KeyboardEvent, type Ref, useId, useRef } from "react";

type Props<T extends string> = {
  label: string;
  options: readonly T[];
  labelOf: (value: T) => string;
  value: T | null;
  onChange: (value: T) => void;
  /** Enter: on to the next field. */
  onEnter: () => void;
  error?: string;
  ref?: Ref<HTMLDivElement>;
  testId: string;
};

/**
 * A choice made from the keyboard: a radio group whose options are numbered. While it has the
 * focus, 1–9 picks that option and the arrow keys move the choice (as radio buttons do); Enter
 * goes on to the next field. One Tab stop for the whole group.
 */
export function KeyChoice<T extends string>({
  label,
  options,
  labelOf,
  value,
  onChange,
  onEnter,
  error,
  ref,
  testId,
}: Props<T>) {
  const id = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const index = value === null ? -1 : options.indexOf(value);
  const pick = (i: number) => {
    const next = options[(i + options.length) % options.length];
    if (next === undefined) return;
    onChange(next);
    buttons.current[options.indexOf(next)]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const digit = Number(event.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= options.length) {
      event.preventDefault();
      pick(digit - 1);
    } else if (event.key === "ArrowRight" || event.key === "ArrowDown") {
      event.preventDefault();
      pick(index + 1);
    } else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
      event.preventDefault();
      pick(index < 0 ? options.length - 1 : index - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      onEnter();
    }
  };
  return (
    <Input.Wrapper label={label} error={error} labelProps={{ id: `${id}-label` }}>
      <Group
        ref={ref}
        gap={6}
        mt={4}
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        aria-invalid={error ? true : undefined}
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        {options.map((option, i) => {
          const checked = option === value;
          return (
            <Button
              key={option}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked || (index < 0 && i === 0) ? 0 : -1}
              size="compact-sm"
              variant={checked ? "filled" : "default"}
              onClick={() => onChange(option)}
              data-testid={`${testId}-${option}`}
              leftSection={
                <span aria-hidden style={{ opacity: 0.7, fontSize: "0.8em" }}>
                  {i + 1}
                </span>
              }
            >
              {labelOf(option)}
            </Button>
          );
        })}
      </Group>
    </Input.Wrapper>
  );
}
