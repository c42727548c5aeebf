// The "！" after a label or question (seed 001 §1.3, §1.4): a button that shows an explanation on
// hover, focus or click; screen readers read the explanation as the button's description.
import { Button, Popover } from 'antd';
import { useId, useState, type ReactNode } from 'react';

export function InfoTip({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Popover content={<div className="info-tip">{children}</div>} open={open} onOpenChange={setOpen} trigger={['hover', 'focus', 'click']} placement="bottomLeft">
        <Button
          type="text"
          size="small"
          shape="circle"
          className="info-tip-button"
          aria-label={label}
          aria-describedby={id}
          aria-expanded={open}
          data-testid={testId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
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
