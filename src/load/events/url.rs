//! The links a source may carry: absolute http(s) addresses with a host, or mailto links.

/// A link that could run script or take the reader somewhere unexpected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum UrlError {
    /// Control characters (a line break could start a header or a property elsewhere).
    #[error("URL contains control characters")]
    Control,
    /// White space, which no URL has (a space is written %20).
    #[error("URL \"{}\" contains white space: write a space as %20", short(.0))]
    Space(String),
    /// A scheme other than http(s) and mailto, or none.
    #[error("unsupported URL \"{}\": use a full http(s) address (https://example.org/page) or a mailto: link", short(.0))]
    Scheme(String),
    /// An http(s) address without a host (`https://`, `https:///x`).
    #[error("URL \"{}\" has no host: write the full address, such as https://example.org/page", short(.0))]
    NoHost(String),
    /// A mailto link without an address at a host.
    #[error("URL \"{}\" has no address: write it as mailto:name@example.org", short(.0))]
    NoAddress(String),
}

fn short(url: &str) -> String {
    url.chars().take(80).collect()
}

/// Accepts only what a source link can safely be: an absolute http(s) address with a host, or
/// a mailto link with an address. Relative links (`/x`, `../x`, `//host/x`) would point into
/// the site or wherever it is served from, and other schemes could run script.
pub(crate) fn check_url(url: &str) -> Result<(), UrlError> {
    if url.chars().any(|c| c.is_control()) {
        return Err(UrlError::Control);
    }
    let url = url.trim();
    if url.chars().any(char::is_whitespace) {
        return Err(UrlError::Space(url.to_string()));
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        // After any user info, before any port.
        let host_port = authority.rsplit('@').next().unwrap_or("");
        let host = if let Some(v6) = host_port.strip_prefix('[') {
            v6.split(']').next().unwrap_or("")
        } else {
            host_port.split(':').next().unwrap_or("")
        };
        if host.is_empty() || host.contains('\\') {
            return Err(UrlError::NoHost(url.to_string()));
        }
        return Ok(());
    }
    if let Some(rest) = lower.strip_prefix("mailto:") {
        let address = rest.split('?').next().unwrap_or("");
        let ok = address.split(',').all(|a| {
            let a = percent_decoded_at(a);
            a.split_once('@').is_some_and(|(local, host)| {
                !local.is_empty() && !host.is_empty() && !host.contains('@')
            })
        });
        if address.is_empty() || !ok {
            return Err(UrlError::NoAddress(url.to_string()));
        }
        return Ok(());
    }
    Err(UrlError::Scheme(url.to_string()))
}

/// `%40` is an `@` in a mailto address.
fn percent_decoded_at(address: &str) -> String {
    address.replace("%40", "@")
}
