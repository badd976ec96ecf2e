/**
 * PNG export in the webview: the exported SVG drawn onto a canvas (at twice the size, for
 * sharp slides, within the canvas limits browsers keep), read back as a data URL that the
 * extension saves. The SVG is loaded as a data: image, which the page's CSP allows.
 */
const MAX_SIDE = 16_000;
const MAX_PIXELS = 120_000_000;

export async function svgToPng(svg: string, width: number, height: number): Promise<string> {
    const scale = Math.min(2, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
    const image = new Image();
    image.width = width;
    image.height = height;
    const loaded = new Promise<void>((resolve, reject) => {
        image.onload = () => resolve();
        image.onerror = () => reject(new Error('the diagram could not be drawn as an image'));
    });
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(width * scale));
    canvas.height = Math.max(1, Math.floor(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
}
