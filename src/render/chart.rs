//! Overview charts drawn at build time as inline SVG: engagements per year, each bar a link.

use std::fmt::Write;

/// One bar: label, count, link relative to the page.
pub struct Bar {
    pub label: String,
    pub count: usize,
    pub href: String,
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A bar chart with one bar per entry; empty string when there is nothing to draw.
pub fn bar_chart(bars: &[Bar], title: &str) -> String {
    if bars.is_empty() {
        return String::new();
    }
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let bar_w = 12usize;
    let gap = 2usize;
    let height = 120usize;
    let width = bars.len() * (bar_w + gap) + 40;
    let mut svg = String::with_capacity(bars.len() * 200);
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 {width} {}" preserveAspectRatio="xMinYMin meet"><title id="chart-title">{}</title>"#,
        height + 30,
        esc(title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let h = (bar.count * height).div_ceil(max).max(1);
        let x = 30 + i * (bar_w + gap);
        let y = height - h;
        let _ = write!(
            svg,
            r#"<a href="{}"><rect x="{x}" y="{y}" width="{bar_w}" height="{h}"><title>{}: {} events</title></rect></a>"#,
            esc(&bar.href),
            esc(&bar.label),
            bar.count
        );
    }
    // Label the first and last bars and every tenth so the axis reads without crowding.
    for (i, bar) in bars.iter().enumerate() {
        if i == 0 || i + 1 == bars.len() || i % 10 == 0 {
            let x = 30 + i * (bar_w + gap) + bar_w / 2;
            let _ = write!(
                svg,
                r#"<text x="{x}" y="{}" text-anchor="middle">{}</text>"#,
                height + 16,
                esc(&bar.label)
            );
        }
    }
    let _ = write!(
        svg,
        r#"<text x="26" y="10" text-anchor="end">{max}</text></svg>"#
    );
    svg
}
