//! Overview charts drawn at build time as inline SVG: engagements per year, each bar a link.

use std::fmt::Write;

/// One bar: label, count, link relative to the page.
pub(crate) struct Bar {
    pub(crate) label: String,
    pub(crate) count: usize,
    pub(crate) href: String,
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A bar chart with one bar per entry; empty string when there is nothing to draw.
pub(crate) fn bar_chart(bars: &[Bar], title: &str) -> String {
    if bars.is_empty() {
        return String::new();
    }
    let max = bars.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let bar_w = 12usize;
    let gap = 2usize;
    let height = 120usize;
    let width = bars.len() * (bar_w + gap) + 40;
    let mut svg = String::with_capacity(bars.len() * 200);
    // Two charts on one page must not share an id.
    let id = format!("chart-{}", crate::model::slug::slugify(title));
    let _ = write!(
        svg,
        r#"<svg class="chart" role="group" aria-labelledby="{id}" viewBox="0 0 {width} {}" preserveAspectRatio="xMinYMin meet"><title id="{id}">{}</title>"#,
        height + 30,
        esc(title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let h = (bar.count * height).div_ceil(max).max(1);
        let x = 30 + i * (bar_w + gap);
        let y = height - h;
        let label = format!("{}: {} events", esc(&bar.label), bar.count);
        if bar.count == 0 {
            // An empty year has no page to link to; it still shows as a gap.
            let _ = write!(
                svg,
                r#"<rect class="empty" x="{x}" y="{y}" width="{bar_w}" height="{h}"><title>{label}</title></rect>"#
            );
        } else {
            let _ = write!(
                svg,
                r#"<a href="{}" aria-label="{label}"><rect x="{x}" y="{y}" width="{bar_w}" height="{h}"><title>{label}</title></rect></a>"#,
                esc(&bar.href)
            );
        }
    }
    // Label the years ending in 0 or 5, and the first and last unless a label sits within
    // three bars of them: every fifth bar reads without crowding (a label is about three
    // bars wide).
    let five = |b: &Bar| b.label.parse::<i64>().is_ok_and(|y| y % 5 == 0);
    let labelled: Vec<bool> = (0..bars.len())
        .map(|i| {
            let near = |j: usize| j != i && five(&bars[j]) && j.abs_diff(i) <= 3;
            five(&bars[i]) || ((i == 0 || i + 1 == bars.len()) && !(0..bars.len()).any(near))
        })
        .collect();
    for (i, bar) in bars.iter().enumerate() {
        if labelled[i] {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_years_are_not_links_and_bars_are_labelled() {
        let bars = [
            Bar {
                label: "2020".into(),
                count: 3,
                href: "years/2020.html".into(),
            },
            Bar {
                label: "2021".into(),
                count: 0,
                href: "years/2021.html".into(),
            },
        ];
        let svg = bar_chart(&bars, "Per year");
        assert!(svg.contains(r#"<a href="years/2020.html" aria-label="2020: 3 events">"#));
        assert!(!svg.contains("years/2021.html"));
        assert!(svg.contains(r#"id="chart-per-year""#));
        assert_eq!(bar_chart(&[], "x"), "");
        // Every fifth year is labelled, not every tenth (issue 16).
        let years: Vec<Bar> = (1998..=2025)
            .map(|y| Bar {
                label: y.to_string(),
                count: 1,
                href: format!("years/{y}.html"),
            })
            .collect();
        let svg = bar_chart(&years, "Years");
        for y in ["2000", "2005", "2010", "2015", "2020", "2025"] {
            assert!(svg.contains(&format!(">{y}</text>")), "{y}");
        }
        assert!(!svg.contains(">2003</text>"));
    }
}
