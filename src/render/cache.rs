//! What incremental rendering keeps between builds (`entente serve`), and the sink that notes
//! every page as it goes by.

use super::views::EventView;
use crate::model::{Event, OutputFile, Sink, Site};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// What the previous build rendered, kept by `entente serve` between rebuilds.
#[derive(Default)]
pub(crate) struct RenderCache {
    article_titles: BTreeMap<String, String>,
    /// The site's home country as the views were made (`site.yaml`'s `home_country`).
    home: Option<String>,
    /// Each article's paragraph starts, which place evidence in views.
    paragraphs: HashMap<String, Vec<usize>>,
    /// By event id: the event as last rendered, its view and the view's hash.
    events: HashMap<String, (Event, EventView, u64)>,
    /// Event and list pages by path: a hash of everything the template was given.
    pages: HashMap<String, u64>,
}

impl RenderCache {
    pub(super) fn pages(&self) -> &HashMap<String, u64> {
        &self.pages
    }

    /// Keeps this build's views and page keys for the next one (the views move here now that
    /// rendering is done, rather than as copies).
    pub(super) fn keep(
        &mut self,
        site: &Site,
        views: Vec<EventView>,
        hashes: Vec<u64>,
        keys: Vec<(String, u64)>,
    ) {
        self.pages = keys.into_iter().collect();
        self.events = site
            .events
            .iter()
            .zip(views.into_iter().zip(hashes))
            .map(|(e, (v, h))| (e.id.clone(), (e.clone(), v, h)))
            .collect();
    }
}

pub(super) fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Views of all events, reusing the cached view of every event that has not changed; with a
/// cache, also the hash of each view.
pub(super) fn event_views(
    site: &Site,
    cache: Option<&mut RenderCache>,
) -> (Vec<EventView>, Option<Vec<u64>>) {
    let article_titles: BTreeMap<String, String> = site
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.headline.clone()))
        .collect();
    let home = site.config.home_country.as_ref().map(|c| c.code.clone());
    let paragraphs = super::articles::paragraph_map(site);
    let Some(cache) = cache else {
        let views = site
            .events
            .par_iter()
            .map(|e| {
                EventView::new(e, &article_titles)
                    .with_home(e, home.as_deref())
                    .place_evidence(e, &paragraphs)
            })
            .collect();
        return (views, None);
    };
    // Article headlines and the home country appear in views, so a change to either
    // invalidates them all.
    if cache.article_titles != article_titles
        || cache.home != home
        || cache.paragraphs != paragraphs
    {
        cache.events.clear();
        cache.article_titles = article_titles;
        cache.home = home.clone();
        cache.paragraphs = paragraphs.clone();
    }
    let previous = &cache.events;
    let titles = &cache.article_titles;
    let (views, hashes): (Vec<EventView>, Vec<u64>) = site
        .events
        .par_iter()
        .map(|e| match previous.get(&e.id) {
            Some((old, view, hash)) if old == e => (view.clone(), *hash),
            _ => {
                let view = EventView::new(e, titles)
                    .with_home(e, home.as_deref())
                    .place_evidence(e, &paragraphs);
                let hash = hash_of(&view);
                (view, hash)
            }
        })
        .unzip();
    (views, Some(hashes))
}

/// Passes files on, noting the HTML pages for the sitemap and counting what was rendered.
pub(super) struct Noting<'s> {
    inner: &'s dyn Sink,
    pages: Mutex<Vec<String>>,
    rendered: AtomicUsize,
    reused: AtomicUsize,
}

impl<'s> Noting<'s> {
    pub(super) fn new(inner: &'s dyn Sink) -> Self {
        Noting {
            inner,
            pages: Mutex::new(Vec::new()),
            rendered: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
        }
    }

    fn note(&self, path: &str) {
        if path.ends_with(".html") {
            self.pages
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(path.to_string());
        }
    }

    /// The HTML pages so far.
    pub(super) fn pages(&self) -> Vec<String> {
        self.pages.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Files rendered, and files reported unchanged.
    pub(super) fn counts(&self) -> (usize, usize) {
        (
            self.rendered.load(Ordering::Relaxed),
            self.reused.load(Ordering::Relaxed),
        )
    }
}

impl Sink for Noting<'_> {
    fn file(&self, file: OutputFile) {
        self.note(&file.path);
        self.rendered.fetch_add(1, Ordering::Relaxed);
        self.inner.file(file);
    }
    fn unchanged(&self, path: &str) {
        self.note(path);
        self.reused.fetch_add(1, Ordering::Relaxed);
        self.inner.unchanged(path);
    }
}

/// What incremental rendering needs: the previous build's page keys and this build's.
pub(super) struct Incremental<'c> {
    previous: Option<&'c HashMap<String, u64>>,
    view_hashes: Option<&'c [u64]>,
    keys: Mutex<Vec<(String, u64)>>,
}

impl<'c> Incremental<'c> {
    pub(super) fn new(
        previous: Option<&'c HashMap<String, u64>>,
        view_hashes: Option<&'c [u64]>,
    ) -> Self {
        Incremental {
            previous,
            view_hashes,
            keys: Mutex::new(Vec::new()),
        }
    }

    /// Whether the page at `path` needs rendering; `key` hashes the page's other inputs, and
    /// `events` are the events it shows.
    pub(super) fn needs_render(
        &self,
        path: &str,
        key: impl FnOnce() -> u64,
        events: &[usize],
    ) -> bool {
        let Some(view_hashes) = self.view_hashes else {
            return true;
        };
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key().hash(&mut h);
        for &i in events {
            view_hashes[i].hash(&mut h);
        }
        let key = h.finish();
        self.keys
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_string(), key));
        self.previous.and_then(|p| p.get(path)) != Some(&key)
    }

    pub(super) fn into_keys(self) -> Vec<(String, u64)> {
        self.keys.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}
