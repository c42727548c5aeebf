// A sentence of the reader's language around a Chinese name: the name is marked lang="zh-CN" so a screen
// reader reads it in Chinese, whichever language the sentence is in.
const MARK = '\u0001';

export function Named({ text, name }: { text: (name: string) => string; name: string }) {
  const parts = text(MARK).split(MARK);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && <span lang="zh-CN">{name}</span>}
        </span>
      ))}
    </>
  );
}
