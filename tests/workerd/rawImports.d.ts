// A fixture read as text by Vite's `?raw` import (workerd has no file system to read it from).
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
