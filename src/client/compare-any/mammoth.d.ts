// mammoth's self-contained browser build (the package's own typings describe its Node entry).
declare module 'mammoth/mammoth.browser.min.js' {
  const mammoth: {
    convertToHtml(input: { arrayBuffer: ArrayBuffer }, options?: { styleMap?: string[] }): Promise<{ value: string; messages: Array<{ type: string; message: string }> }>;
  };
  export default mammoth;
}
