//! The timeline graphic as an image (`briefings/<id>.png`), drawn by resvg.
//!
//! In: the SVG text of [`super::timeline_svg`]. Out: PNG bytes at the SVG's own size.
//!
//! Only the Liberation Sans files compiled in from `assets/fonts/` are used, never the
//! machine's fonts: the image is the same on every machine, and keeps its text on a machine
//! with no fonts at all (see `assets/fonts/README.md`).

use super::ExportError;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            for data in [REGULAR, BOLD] {
                db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(data)));
            }
            // Every family the SVG names falls back to the one it has.
            db.set_sans_serif_family("Liberation Sans");
            Arc::new(db)
        })
        .clone()
}

/// Renders an SVG document to PNG bytes.
pub(crate) fn to_png(svg: &str) -> Result<Vec<u8>, ExportError> {
    let options = usvg::Options {
        font_family: "Liberation Sans".into(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)?;
    let size = tree.size().to_int_size();
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or(ExportError::Size {
            width: size.width(),
            height: size.height(),
        })?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(encode(&pixmap)?)
}

/// PNG bytes of an opaque picture (the graphic paints a white background first), without
/// its alpha channel and with png's fast deflate: tiny-skia's own encoder spent longer
/// compressing a 47-event timeline (26 ms) than drawing it; this takes about 5 ms, for a
/// file twice the size (330 KB rather than 150 KB), still small for a slide.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|px| [px[0], px[1], px[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}
