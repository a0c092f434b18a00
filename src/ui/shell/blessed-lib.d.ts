// blessed's own files, imported one by one (src/ui/shell/blessed.ts, blessed-startup.ts):
// @types/blessed describes only its index. Their shapes are asserted where they are used.
declare module "blessed/lib/widgets/screen.js" {
  const screen: unknown;
  export default screen;
}
declare module "blessed/lib/widgets/box.js" {
  const box: unknown;
  export default box;
}
declare module "blessed/lib/widgets/element.js" {
  const element: unknown;
  export default element;
}
declare module "blessed/lib/unicode.js" {
  const unicode: unknown;
  export default unicode;
}
declare module "blessed/lib/tput.js" {
  const tput: unknown;
  export default tput;
}
