//! The world map: each country shaded by its number of events, drawn as inline SVG at build
//! time from Natural Earth's 1:110m outlines (`assets/map/world-110m.txt`, made by
//! `scripts/make-map`; public domain). States too small for that scale are dots at the
//! centre the country data gives them. A country with events links to its page; the count in
//! each title is the count of that page, and `entente.js` recolours the same shapes for a
//! filtered view.

use crate::model::{CountryKind, SiteIndex};
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

/// The outlines: ISO 3166-1 numeric code (or name), name, SVG path.
static OUTLINES: &str = include_str!("../../assets/map/world-110m.txt");

/// The map's width and height in its own units (Equal Earth, as `scripts/make-map` projects).
const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 486.7;

/// Outlines by ISO 3166-1 alpha-2 code.
fn outlines() -> &'static HashMap<String, &'static str> {
    static MAP: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let by_number: HashMap<&str, String> = keshvar::CountryIterator::new()
            .map(|c| (c.number(), c.alpha2().to_string()))
            .collect();
        OUTLINES
            .lines()
            .filter_map(|line| {
                let mut parts = line.splitn(3, '\t');
                let (id, name, d) = (parts.next()?, parts.next()?, parts.next()?);
                // Kosovo has no ISO number; Northern Cyprus and Somaliland have no code at all.
                let code = match by_number.get(id) {
                    Some(code) => code.clone(),
                    None if name == "Kosovo" => "XK".to_string(),
                    None => return None,
                };
                Some((code, d))
            })
            .collect()
    })
}

/// Equal Earth (Šavrič, Patterson and Jenny 2018), as `scripts/make-map` projects the outlines.
fn project(lon: f64, lat: f64) -> (f64, f64) {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    let m = 3f64.sqrt() / 2.0;
    let raw = |lon: f64, lat: f64| {
        let (lam, phi) = (lon.to_radians(), lat.to_radians());
        let theta = (m * phi.sin()).asin();
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let x = 2.0 * 3f64.sqrt() * lam * theta.cos()
            / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
        let y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1);
        (x, y)
    };
    let x_max = 2.0 * 3f64.sqrt() * std::f64::consts::PI / (3.0 * A1);
    let y_max = raw(0.0, 90.0).1;
    let (x, y) = raw(lon, lat);
    let scale = WIDTH / (2.0 * x_max);
    ((x + x_max) * scale, (y_max - y) * scale)
}

/// The shade of a count: 0 for none, 1 to 5 on a logarithmic scale up to the largest count.
pub(crate) fn shade(count: usize, max: usize) -> usize {
    if count == 0 {
        return 0;
    }
    let level = 4.0 * ((1 + count) as f64).ln() / ((1 + max.max(1)) as f64).ln();
    1 + (level.floor() as usize).min(4)
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The map of the site's events per country, links relative to `root`; and how many events
/// name only regions or historical states, which a map of today's states cannot show.
pub(crate) fn world_map(index: &SiteIndex, root: &str) -> (String, usize) {
    let counts: HashMap<&str, (&str, &str, usize)> = index
        .countries
        .iter()
        .filter(|(c, _)| c.kind == CountryKind::State)
        .map(|(c, t)| {
            (
                c.code.as_str(),
                (c.name.as_str(), t.href.as_str(), t.events.len()),
            )
        })
        .collect();
    let max = counts.values().map(|c| c.2).max().unwrap_or(1);
    let outlines = outlines();
    // Every shape in the order of its name, which is also the order arrow keys move in.
    let mut shapes: Vec<(String, String, Option<&str>)> = Vec::new();
    for country in keshvar::CountryIterator::new() {
        let code = country.alpha2().to_string();
        let (name, href, count) = counts
            .get(code.as_str())
            .map(|&(n, h, c)| (n.to_string(), Some(h), c))
            .unwrap_or_else(|| {
                let name = crate::model::Gazetteer::get()
                    .by_code(&code)
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| country.iso_short_name().to_string());
                (name, None, 0)
            });
        let class = format!("c{}", shade(count, max));
        let title = format!(
            "{}: {count} event{}",
            esc(&name),
            if count == 1 { "" } else { "s" }
        );
        let shape = match outlines.get(&code) {
            Some(d) => format!(
                r#"<path data-code="{code}" class="{class}" d="{d}"><title>{title}</title></path>"#
            ),
            // Only small states with events get a dot: hundreds of empty dots would be noise.
            None if count > 0 => {
                let geo = country.geo();
                let (x, y) = project(geo.longitude(), geo.latitude());
                format!(
                    r#"<circle data-code="{code}" class="{class} dot" cx="{x:.1}" cy="{y:.1}" r="3.5"><title>{title}</title></circle>"#
                )
            }
            None => continue,
        };
        shapes.push((name, shape, href.filter(|_| count > 0)));
    }
    // Kosovo is in the outlines but not in ISO 3166-1's list of countries.
    if let (Some(&(name, href, count)), Some(d)) = (counts.get("XK"), outlines.get("XK")) {
        let title = format!(
            "{}: {count} event{}",
            esc(name),
            if count == 1 { "" } else { "s" }
        );
        let shape = format!(
            r#"<path data-code="XK" class="c{}" d="{d}"><title>{title}</title></path>"#,
            shade(count, max)
        );
        shapes.push((name.to_string(), shape, Some(href).filter(|_| count > 0)));
    }
    shapes.sort_by(|a, b| a.0.cmp(&b.0));
    let mut svg = String::with_capacity(OUTLINES.len() + shapes.len() * 120);
    let _ = write!(
        svg,
        r#"<svg class="map" id="view-map" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" aria-labelledby="map-title"><title id="map-title">Engagements per country</title>"#
    );
    for (_, shape, href) in &shapes {
        match href {
            Some(h) => {
                let _ = write!(svg, r#"<a href="{root}{}">{shape}</a>"#, esc(h));
            }
            None => svg.push_str(shape),
        }
    }
    svg.push_str("</svg>");
    let mut on_map = vec![false; index.permalinks.len()];
    for (c, t) in &index.countries {
        if c.kind == CountryKind::State {
            for &i in &t.events {
                on_map[i] = true;
            }
        }
    }
    (svg, on_map.iter().filter(|on| !**on).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_grow_with_counts_and_the_largest_is_darkest() {
        assert_eq!(shade(0, 100), 0);
        assert_eq!(shade(1, 100), 1);
        assert_eq!(shade(100, 100), 5);
        assert!(shade(10, 100) < shade(50, 100));
    }

    #[test]
    fn outlines_cover_the_states_and_project_like_the_script() {
        let o = outlines();
        for code in ["JM", "US", "GY", "XK", "FR"] {
            assert!(o.contains_key(code), "{code}");
        }
        let (x, y) = project(0.0, 0.0);
        assert!(
            (x - 500.0).abs() < 0.01 && (y - HEIGHT / 2.0).abs() < 0.1,
            "{x} {y}"
        );
    }
}
