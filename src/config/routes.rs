//! Routes: one product over several providers (`[routes.NAME]` in the config file), each
//! candidate a `profile:service`, checked against the file's profiles before anything is sent.

use super::Config;
use crate::exit::usage;
use rust_decimal::Decimal;
use serde::Deserialize;

/// One `[routes.NAME]` section as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteDef {
    /// The candidates, `profile:service`, in the operator's order.
    pub candidates: Vec<String>,
    /// How the candidates that can take an order are ranked.
    #[serde(default)]
    pub pick: Pick,
    /// The operator's price per 1000 (for margins).
    pub sell: Option<String>,
    /// Never buy above this rate per 1000.
    pub max_rate: Option<String>,
}

/// How a route ranks the candidates that can take an order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pick {
    /// The lowest cost first; ties in candidate order.
    #[default]
    Cheapest,
    /// The candidates in the order written.
    Order,
}

impl Pick {
    /// The name used in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Pick::Cheapest => "cheapest",
            Pick::Order => "order",
        }
    }
}

/// One candidate of a route: a service on a profile's panel.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Candidate {
    /// The profile (a panel profile of the config file).
    pub profile: String,
    /// The service id on that panel.
    pub service: u64,
}

impl std::fmt::Display for Candidate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.profile, self.service)
    }
}

/// A route checked against the config file.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Its name.
    pub name: String,
    /// Its candidates, in the order written (no repeats).
    pub candidates: Vec<Candidate>,
    /// How they are ranked.
    pub pick: Pick,
    /// The operator's price per 1000.
    pub sell: Option<Decimal>,
    /// The highest rate per 1000 to buy at.
    pub max_rate: Option<Decimal>,
}

impl Config {
    /// The route names, sorted, comma-separated (for error messages).
    pub fn known_routes(&self) -> String {
        match self.file.routes.is_empty() {
            true => "none".to_string(),
            false => self
                .file
                .routes
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The route `name`, checked: a name not in the file, a candidate that is not
    /// `profile:service`, or one naming a profile the file does not have (or an account API)
    /// is an error naming it (exit 2).
    pub fn route(&self, name: &str) -> anyhow::Result<Route> {
        let def = self.file.routes.get(name).ok_or_else(|| {
            usage(format!(
                "route '{name}' is not in {}; known routes: {} (add a [routes.{name}] table)",
                self.path.display(),
                self.known_routes()
            ))
        })?;
        let here = || format!("route '{name}' in {}", self.path.display());
        if def.candidates.is_empty() {
            return Err(usage(format!(
                "{}: candidates is empty: list one \"profile:service\" or more",
                here()
            )));
        }
        let mut candidates: Vec<Candidate> = Vec::new();
        for text in &def.candidates {
            let shown = crate::text::shorten(text, 60);
            let (profile, service) = text.trim().rsplit_once(':').ok_or_else(|| {
                usage(format!(
                    "{}: candidate '{shown}' is not \"profile:service\" (like \"pica:1448\")",
                    here()
                ))
            })?;
            let service: u64 = service
                .trim()
                .parse()
                .ok()
                .filter(|s| *s > 0)
                .ok_or_else(|| {
                    usage(format!(
                        "{}: candidate '{shown}': '{}' is not a service id",
                        here(),
                        crate::text::shorten(service, 20)
                    ))
                })?;
            let profile = profile.trim();
            let def = self.file.profiles.get(profile).ok_or_else(|| {
                usage(format!(
                    "{}: candidate '{shown}' names profile '{}', which is not in the file; known profiles: {}",
                    here(),
                    crate::text::shorten(profile, 40),
                    self.known()
                ))
            })?;
            if !def.api.is_panel() {
                return Err(usage(format!(
                    "{}: candidate '{shown}' names profile '{profile}', a useapi.net profile: routes take SMM panel profiles",
                    here()
                )));
            }
            let candidate = Candidate {
                profile: profile.to_string(),
                service,
            };
            if candidates.contains(&candidate) {
                return Err(usage(format!(
                    "{}: candidate '{candidate}' is listed twice",
                    here()
                )));
            }
            candidates.push(candidate);
        }
        let amount = |what: &str, text: &Option<String>| -> anyhow::Result<Option<Decimal>> {
            text.as_deref()
                .map(|t| {
                    crate::money::parse(t)
                        .filter(|d| !d.is_sign_negative())
                        .ok_or_else(|| {
                            usage(format!(
                                "{}: {what} '{}' is not an amount like \"1.20\"",
                                here(),
                                crate::text::shorten(t, 30)
                            ))
                        })
                })
                .transpose()
        };
        Ok(Route {
            name: name.to_string(),
            candidates,
            pick: def.pick,
            sell: amount("sell", &def.sell)?,
            max_rate: amount("max_rate", &def.max_rate)?,
        })
    }

    /// Every route of the file, checked, in name order (the first bad one is the error).
    pub fn routes(&self) -> anyhow::Result<Vec<Route>> {
        self.file
            .routes
            .keys()
            .map(|name| self.route(name))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Config {
        Config {
            path: "/c.toml".into(),
            file: crate::config::parse(text).unwrap(),
        }
    }

    const PROFILES: &str = "[profiles.a]\nurl = \"https://a.example/api/v2\"\nkey = \"k\"\n\
        [profiles.b]\nurl = \"https://b.example/api/v2\"\nkey = \"k\"\n";

    #[test]
    fn a_route_is_checked_against_the_profiles() {
        let c = config(&format!(
            "{PROFILES}[routes.ig]\ncandidates = [\"a:1448\", \"b:2301\"]\npick = \"order\"\nsell = \"1.50\"\nmax_rate = \"1.20\"\n"
        ));
        let r = c.route("ig").unwrap();
        assert_eq!(r.candidates[1].to_string(), "b:2301");
        assert_eq!(
            (r.pick, r.sell.unwrap().to_string()),
            (Pick::Order, "1.50".into())
        );
        let e = format!("{:#}", c.route("tt").unwrap_err());
        assert_eq!(
            e,
            "route 'tt' is not in /c.toml; known routes: ig (add a [routes.tt] table)"
        );
        for (candidates, says) in [
            (
                "\"c:1\"",
                "candidate 'c:1' names profile 'c', which is not in the file; known profiles: a, b",
            ),
            ("\"a\"", "candidate 'a' is not \"profile:service\""),
            ("\"a:x\"", "candidate 'a:x': 'x' is not a service id"),
            ("\"a:1\", \"a:1\"", "candidate 'a:1' is listed twice"),
            ("", "candidates is empty"),
        ] {
            let c = config(&format!(
                "{PROFILES}[routes.r]\ncandidates = [{candidates}]\n"
            ));
            let e = format!("{:#}", c.route("r").unwrap_err());
            assert!(
                e.starts_with("route 'r' in /c.toml: ") && e.contains(says),
                "{e}"
            );
            assert_eq!(
                crate::exit::code_for(&c.route("r").unwrap_err()),
                crate::exit::Exit::Usage
            );
        }
        assert!(crate::config::parse("[routes.r]\ncandidates = []\npick = \"random\"\n").is_err());
    }
}
