// The "！" after a label or question (seed 001 §1.3, §1.4): a button whose explanation shows on hover
// or focus, and stays open after a click or tap until dismissed (Escape, a click elsewhere, or the
// button again); screen readers read the explanation as the button's description.
import { Button, Popover } from 'antd';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function InfoTip({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // Opened by a click or tap: hover and focus changes no longer close it. A tap on a phone fires a
  // synthetic hover first, so a click must pin the popover open rather than toggle it shut.
  const [pinned, setPinned] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const content = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!pinned) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (button.current?.contains(target) || content.current?.contains(target))) return;
      setPinned(false);
      setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [pinned]);

  const close = () => {
    setPinned(false);
    setOpen(false);
  };

  return (
    <>
      <Popover
        content={
          <div className="info-tip" ref={content}>
            {children}
          </div>
        }
        open={open}
        onOpenChange={(next) => {
          if (next) setOpen(true);
          else if (!pinned) setOpen(false);
        }}
        trigger={['hover', 'focus']}
        placement="bottom"
        classNames={{ root: 'info-tip-popover' }}
      >
        <Button
          ref={button}
          type="text"
          size="small"
          shape="circle"
          className="info-tip-button"
          aria-label={label}
          aria-describedby={id}
          aria-expanded={open}
          data-testid={testId}
          onClick={() => {
            if (pinned) close();
            else {
              setPinned(true);
              setOpen(true);
            }
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <span aria-hidden>！</span>
        </Button>
      </Popover>
      <span id={id} hidden>
        {children}
      </span>
    </>
  );
}
