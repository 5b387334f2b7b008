// Where no file dialog exists (remote session, test harness): type the DoD root bundle's path.
import { useState, type FC } from 'react';

export const BundlePathForm: FC<{ onPreview(path: string): void }> = ({ onPreview }) => {
  const [bundlePath, setBundlePath] = useState('');
  return (
    <form
      className="actions"
      onSubmit={(e) => {
        e.preventDefault();
        if (bundlePath.trim()) onPreview(bundlePath.trim());
      }}
    >
      <label htmlFor="cac-bundle-path">DoD root bundle file (.p7b or .pem)</label>
      <input id="cac-bundle-path" value={bundlePath} onChange={(e) => setBundlePath(e.target.value)} size={50} />
      <button type="submit">Preview import…</button>
    </form>
  );
};
