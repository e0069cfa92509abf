//! `Ctx`: what every command that talks to a panel needs — the resolved profile, the HTTP
//! client, the output settings, the order book and the catalogue — and the config loading
//! that resolves the profile.

use crate::book::NewOrder;
use crate::cli::settings::Settings;
use crate::config::Profile;
use crate::http::{Http, HttpOptions};
use crate::order::Order;
use crate::output::{Bar, Output};
use crate::panel::{Answer, Panel, Service};
use rust_decimal::Decimal;

/// What every command that talks to a panel needs: the resolved profile, the HTTP client
/// and the output settings.
pub struct Ctx {
    /// The profile in use, key resolved.
    pub profile: Profile,
    /// The run's HTTP client.
    pub http: Http,
    /// How to print.
    pub out: Output,
    /// Whether orders go into the order book and catalogues into the cache (not for
    /// `smm orders --check`, which records through the book it holds).
    pub persistent: bool,
    /// The order book, opened on first use.
    book: std::cell::OnceCell<crate::book::Book>,
    /// `--refresh`: skip the catalogue cache.
    pub refresh: bool,
    /// The progress bar batches advance.
    progress: Bar,
}

impl Ctx {
    /// Loads the config, resolves the profile and builds the client; all before any request.
    pub fn new(settings: &Settings) -> anyhow::Result<Ctx> {
        let config = load_config(settings)?;
        let (name, def) = config.select(settings.profile.as_deref())?;
        crate::msg::verbose(&format!(
            "profile '{name}' ({}) at {}",
            why_profile(settings, &config),
            crate::config::display_url(&def.url)
        ));
        let profile = crate::config::resolve(name, def, &config.path)?;
        Ctx::build(settings, profile, true)
    }

    /// A context for `profile`; `persistent` enables the order book and the catalogue cache.
    pub fn build(settings: &Settings, profile: Profile, persistent: bool) -> anyhow::Result<Ctx> {
        let http = Http::new(HttpOptions {
            timeout: settings.timeout,
            verbose: settings.verbose,
            attempts: profile.attempts,
            max_rpm: profile.max_rpm,
            concurrency: settings.concurrency_for(profile.concurrency),
        })?;
        let out = Output::new(settings.format);
        Ok(Ctx {
            profile,
            http,
            out,
            persistent,
            book: std::cell::OnceCell::new(),
            refresh: settings.refresh,
            progress: out.progress("chunks"),
        })
    }

    /// The order book (opened, and an old journal imported, on first use), or None when this
    /// run keeps no book.
    pub fn book(&self) -> anyhow::Result<Option<&crate::book::Book>> {
        if !self.persistent {
            return Ok(None);
        }
        if let Some(book) = self.book.get() {
            return Ok(Some(book));
        }
        let book = crate::book::Book::open()?;
        Ok(Some(self.book.get_or_init(|| book)))
    }

    /// What the order book records of `order` on this profile before it is sent.
    pub fn new_order(&self, order: &Order, cost: Option<Decimal>) -> NewOrder {
        let url = crate::config::display_url(self.profile.url.as_str());
        NewOrder::from_order(&self.profile.name, &url, order, cost)
    }

    /// The currency the panel bills this profile in, as far as the book knows (earlier orders,
    /// balances): for the cost of an order about to be placed, with no request.
    pub fn known_currency(&self) -> Option<String> {
        let book = self.book().ok().flatten()?;
        let url = crate::config::display_url(self.profile.url.as_str());
        book.currency(&self.profile.name, &url).ok().flatten()
    }

    /// Asks the panel's balance for the currency of book entry `entry`, just placed, when the
    /// book knew none: a v2 catalogue carries no currency, and without it the book's totals
    /// would split until the first status. One request on a panel's first order only (later
    /// orders find it in the book), made after the order is placed and shown; a failure
    /// changes nothing (the first status fills it in).
    pub fn learn_currency(&self, panel: &dyn Panel, entry: &str) {
        let Ok(Some(book)) = self.book() else {
            return;
        };
        let learnt = panel
            .balance()
            .map(|answer| answer.value.currency().map(str::to_string))
            .and_then(|currency| match currency {
                Some(c) => book.set_currency(entry, &c),
                None => Ok(()),
            });
        if let Err(e) = learnt {
            crate::msg::verbose(&format!("the order's currency, from the balance: {e:#}"));
        }
    }

    /// The profile's panel.
    pub fn panel(&self) -> Box<dyn Panel + '_> {
        crate::panel::connect(&self.http, &self.profile, &self.progress)
    }

    /// The service catalogue: from the local cache while it is fresh (unless `--refresh`),
    /// else from the panel, then cached. Also says how old a cached copy is, in seconds.
    pub fn services(&self) -> anyhow::Result<(Answer<Vec<Service>>, Option<u64>)> {
        if let Some((cached, age)) = self.fresh_cache()
            && let Some(answer) = self.panel().cached_services(cached.body)
        {
            return Ok((answer, Some(age)));
        }
        Ok((self.fetch_services()?, None))
    }

    /// The catalogue's copy in the local cache and its age in seconds, while it is fresh (and
    /// this run uses the cache: persistent, no `--refresh`).
    fn fresh_cache(&self) -> Option<(crate::cache::Cached, u64)> {
        let p = &self.profile;
        if !self.persistent || self.refresh {
            return None;
        }
        let cached = crate::cache::get(&p.name, p.url.as_str(), p.services_ttl)?;
        let age = crate::time::now().saturating_sub(cached.fetched);
        Some((cached, age))
    }

    /// The catalogue fetched from the panel, then cached with the index of its entries (when
    /// this run uses the cache).
    fn fetch_services(&self) -> anyhow::Result<Answer<Vec<Service>>> {
        let p = &self.profile;
        let panel = self.panel();
        let answer = panel.services()?;
        if self.persistent
            && let crate::panel::Raw::Body(body) = &answer.raw
        {
            let index = panel.catalogue_index(&answer);
            crate::cache::put(&p.name, p.url.as_str(), body, index.as_deref());
        }
        Ok(answer)
    }

    /// The services `ids` of a fresh cached catalogue read through its index (the rest of it
    /// unread), and how old it is in seconds; `None` when there is no fresh indexed copy (or
    /// the dialect reads none back).
    fn indexed(&self, ids: &[&str]) -> Option<(Vec<Service>, u64)> {
        let p = &self.profile;
        if !self.persistent || self.refresh {
            return None;
        }
        let entries = crate::cache::entries(&p.name, p.url.as_str(), p.services_ttl, ids)?;
        let found = self.panel().cached_entries(entries.texts)?;
        let age = crate::time::now().saturating_sub(entries.fetched);
        Some((found, age))
    }

    /// The catalogue's body as the panel sent it, to print as it came: from the local cache
    /// while it is fresh, checked but not decoded (unless `--refresh`), else as `services` gets
    /// it. Also says how old a cached copy is, in seconds.
    pub fn services_body(&self) -> anyhow::Result<(crate::panel::Raw, Option<u64>)> {
        if let Some((cached, age)) = self.fresh_cache()
            && let Some(raw) = self.panel().cached_body(cached.body)
        {
            return Ok((raw, Some(age)));
        }
        self.services().map(|(answer, age)| (answer.raw, age))
    }
}

impl Ctx {
    /// The services the profile's catalogue (cached as usual) offers refills for.
    pub fn refillable(&self) -> anyhow::Result<Vec<u64>> {
        let (services, _) = self.services()?;
        Ok(services
            .value
            .iter()
            .filter(|s| s.refill == Some(true))
            .filter_map(|s| s.id.trim().parse().ok())
            .collect())
    }

    /// The refill rules of this profile now, for the order book's due query.
    pub fn due_rule<'a>(
        &'a self,
        url: &'a str,
        refillable: &'a [u64],
    ) -> crate::book::refills::DueRule<'a> {
        crate::book::refills::DueRule {
            profile: &self.profile.name,
            url,
            refillable,
            period: self.profile.refills.period,
            every: self.profile.refills.every,
            now: crate::time::now() as i64,
        }
    }

    /// Only the services `ids` of the catalogue (cache rules as in `services`): from a fresh
    /// cached copy through its index (the rest unread) or, a copy without one, its body with
    /// only their entries decoded; else from the panel (then cached).
    pub fn services_among(&self, ids: &[&str]) -> anyhow::Result<Vec<Service>> {
        if let Some((found, _)) = self.indexed(ids) {
            return Ok(found
                .into_iter()
                .filter(|s| ids.contains(&s.id.as_str()))
                .collect());
        }
        if let Some((cached, _)) = self.fresh_cache()
            && let Some(found) = self.panel().cached_subset(cached.body, ids)
        {
            return Ok(found);
        }
        let (answer, _) = self.services()?;
        Ok(answer
            .value
            .into_iter()
            .filter(|s| ids.contains(&s.id.as_str()))
            .collect())
    }

    /// The catalogue an order of service `id` is checked against, and how old a cached copy is
    /// (as `services` says): while a fresh cached copy holds `id`, only its entries with that
    /// id (read through its index, or the rest not decoded); otherwise the whole catalogue as
    /// `services` gets it (so a refusal can say how many services it lists).
    pub fn services_for(&self, id: &str) -> anyhow::Result<(Vec<Service>, Option<u64>)> {
        if let Some((found, age)) = self.indexed(&[id])
            && found.iter().any(|s| s.id == id)
        {
            return Ok((found, Some(age)));
        }
        if let Some((cached, age)) = self.fresh_cache()
            && let Some(found) = self.panel().cached_subset(cached.body, &[id])
            && !found.is_empty()
        {
            return Ok((found, Some(age)));
        }
        self.services().map(|(answer, age)| (answer.value, age))
    }
}

/// Why this profile was chosen, for `-v`.
fn why_profile(settings: &Settings, config: &crate::config::Config) -> &'static str {
    use crate::cli::settings::Source;
    match (settings.profile.is_some(), settings.profile_source) {
        (true, Source::Env) => "from $SMM_PROFILE",
        (true, _) => "from -p",
        (false, _) if config.file.default_profile.is_some() => "default_profile of the config file",
        (false, _) => "the only profile of the config file",
    }
}

/// Loads the config file (with the permissions warning); `-v` says which file and why.
pub fn load_config(settings: &Settings) -> anyhow::Result<crate::config::Config> {
    use crate::cli::settings::Source;
    let path = crate::config::locate(settings.config.as_deref())?;
    crate::msg::verbose(&format!(
        "config file {} ({})",
        path.display(),
        match settings.config_source {
            Source::Flag => "from --config",
            Source::Env => "from $SMM_CONFIG",
            Source::None => "the default location",
        }
    ));
    let config = crate::config::load(&path)?;
    if let Some(warning) = crate::config::permission_warning(&config) {
        crate::msg::warn(&warning);
    }
    Ok(config)
}
