//! The sandbox's catalogue: the seed page's services and as many generated ones as asked for,
//! which every flavour of the v2 sandbox serves in its own shape.

use rust_decimal::Decimal;

/// One catalogue entry.
#[derive(Debug, Clone)]
pub struct Service {
    /// Service id.
    pub id: u64,
    /// Display name.
    pub name: String,
    /// Order type (`Default`, `Custom Comments`, …).
    pub kind: &'static str,
    /// Category.
    pub category: &'static str,
    /// Price per 1000.
    pub rate: Decimal,
    /// Minimum quantity.
    pub min: u64,
    /// Maximum quantity.
    pub max: u64,
    /// Refills offered.
    pub refill: bool,
    /// Cancels allowed.
    pub cancel: bool,
}

/// The seed page's two services, then `extra` generated ones across categories and types.
pub fn catalogue(extra: usize) -> Vec<Service> {
    let mut services = vec![
        Service {
            id: 1448,
            name: "Instagram Followers".into(),
            kind: "Default",
            category: "Instagram",
            rate: Decimal::new(90, 2),
            min: 50,
            max: 10_000,
            refill: true,
            cancel: true,
        },
        Service {
            id: 1452,
            name: "Facebook Comments".into(),
            kind: "Custom Comments",
            category: "Facebook",
            rate: Decimal::new(8, 0),
            min: 10,
            max: 1500,
            refill: false,
            cancel: false,
        },
    ];
    const CATEGORIES: [&str; 8] = [
        "Instagram",
        "TikTok",
        "YouTube",
        "Telegram",
        "Twitter",
        "Facebook",
        "Spotify",
        "Website Traffic",
    ];
    const KINDS: [(&str, &str); 10] = [
        ("Default", "Followers"),
        ("Default", "Likes"),
        ("Default", "Views"),
        ("Custom Comments", "Custom Comments"),
        ("Mentions", "Mentions"),
        ("Poll", "Poll Votes"),
        ("Package", "Starter Package"),
        ("Subscriptions", "Auto Likes"),
        ("Comment Likes", "Comment Likes"),
        ("Web Traffic", "Visitors"),
    ];
    for i in 0..extra {
        let category = CATEGORIES[i % CATEGORIES.len()];
        let (kind, what) = KINDS[(i / CATEGORIES.len() + i) % KINDS.len()];
        let n = i as u64;
        services.push(Service {
            id: 2000 + n,
            name: format!(
                "{category} {what} [{}]",
                ["Real", "HQ", "Fast", "Cheap"][i % 4]
            ),
            kind,
            category,
            rate: Decimal::new(((n * 7919) % 40_000 + 100) as i64, 4),
            min: [10, 50, 100][i % 3],
            max: [1_000, 10_000, 100_000, 5_000_000][i % 4],
            refill: i % 2 == 0,
            cancel: i % 3 != 0,
        });
    }
    services
}
