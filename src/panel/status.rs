//! What an order (or refill) status means, whatever the panel's spelling: the one place that
//! reads `In progress`, `inprogress`, `in_progress`, `Complete`, `Cancelled`,
//! `tasks.status.rejected`… Tables and `--json` still show the panel's own text; this decides
//! what smm does with it (is the order finished? did it complete? which colour?).

/// The statuses smm tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Canonical {
    /// Taken, not started.
    Pending,
    /// Being delivered.
    InProgress,
    /// Being processed (some panels' word before or during delivery).
    Processing,
    /// Delivered in full.
    Completed,
    /// Delivered in part; the rest refunded.
    Partial,
    /// Canceled (refunded).
    Canceled,
    /// Refunded.
    Refunded,
    /// Failed, rejected or in error (a refill the panel rejected, too).
    Failed,
}

impl Canonical {
    /// The canonical name (`In progress`, `Canceled`, …).
    pub fn name(self) -> &'static str {
        match self {
            Canonical::Pending => "Pending",
            Canonical::InProgress => "In progress",
            Canonical::Processing => "Processing",
            Canonical::Completed => "Completed",
            Canonical::Partial => "Partial",
            Canonical::Canceled => "Canceled",
            Canonical::Refunded => "Refunded",
            Canonical::Failed => "Failed",
        }
    }

    /// Whether the order (or refill) will not change any more.
    pub fn is_finished(self) -> bool {
        !matches!(
            self,
            Canonical::Pending | Canonical::InProgress | Canonical::Processing
        )
    }
}

/// What a status text means: case, spaces, underscores and hyphens ignored, a `tasks.status.`
/// prefix dropped (`In progress`, `inprogress`, `IN_PROGRESS`, `tasks.status.in_progress` are
/// one status). `None` for a text smm does not know (it then counts as not finished).
pub fn canonical(text: &str) -> Option<Canonical> {
    let lower = text.trim().to_lowercase();
    let bare = lower.strip_prefix("tasks.status.").unwrap_or(&lower);
    let key: String = bare
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '_' | '-')))
        .collect();
    Some(match key.as_str() {
        "pending" => Canonical::Pending,
        "inprogress" => Canonical::InProgress,
        "processing" => Canonical::Processing,
        "completed" | "complete" => Canonical::Completed,
        "partial" => Canonical::Partial,
        "canceled" | "cancelled" => Canonical::Canceled,
        "refunded" => Canonical::Refunded,
        "failed" | "fail" | "error" | "rejected" => Canonical::Failed,
        _ => return None,
    })
}

/// Whether a status text means the order (or refill) is finished.
pub fn is_finished(text: &str) -> bool {
    canonical(text).is_some_and(Canonical::is_finished)
}

/// Where a refill stands, as the order book records it: the panel's answer to the request
/// (`Refused`, `Unknown` when none came), then what `refill_status` says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefillState {
    /// Asked, with no answer (a timeout, a failed request): it may or may not exist.
    Unknown,
    /// The panel refused the request (its text is kept).
    Refused,
    /// Taken, not started.
    Pending,
    /// Being delivered.
    InProgress,
    /// Done.
    Completed,
    /// The panel rejected it.
    Rejected,
    /// The panel does not know the refill id (any more).
    NotFound,
}

impl RefillState {
    /// Every state, in the order a refill goes through them.
    pub const ALL: [RefillState; 7] = [
        RefillState::Unknown,
        RefillState::Refused,
        RefillState::Pending,
        RefillState::InProgress,
        RefillState::Completed,
        RefillState::Rejected,
        RefillState::NotFound,
    ];

    /// The name smm shows and stores (`In progress`, `Not found`, …).
    pub fn name(self) -> &'static str {
        match self {
            RefillState::Unknown => "Unknown",
            RefillState::Refused => "Refused",
            RefillState::Pending => "Pending",
            RefillState::InProgress => "In progress",
            RefillState::Completed => "Completed",
            RefillState::Rejected => "Rejected",
            RefillState::NotFound => "Not found",
        }
    }

    /// Whether the panel is still working on it (Pending, In progress): `smm sync` and
    /// `smm refill-status` follow it, and its order is not due.
    pub fn is_pending(self) -> bool {
        matches!(self, RefillState::Pending | RefillState::InProgress)
    }

    /// A state by its name or any spelling a panel uses for it (`tasks.status.rejected`).
    pub fn parse(text: &str) -> Option<RefillState> {
        let key: String = text
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !(c.is_whitespace() || matches!(c, '_' | '-')))
            .collect();
        match key.as_str() {
            "unknown" => Some(RefillState::Unknown),
            "refused" => Some(RefillState::Refused),
            "notfound" | "refillnotfound" => Some(RefillState::NotFound),
            _ => refill_state(text),
        }
    }
}

/// What a panel's refill status text means (`Pending`, `In progress`, `Completed`,
/// `Rejected`, and every spelling `canonical` reads, SmartPanel's `tasks.status.` ones too).
/// `None` for a text smm does not know (the refill is then still followed).
pub fn refill_state(text: &str) -> Option<RefillState> {
    Some(match canonical(text)? {
        Canonical::Pending => RefillState::Pending,
        Canonical::InProgress | Canonical::Processing => RefillState::InProgress,
        Canonical::Completed | Canonical::Partial => RefillState::Completed,
        Canonical::Failed | Canonical::Canceled | Canonical::Refunded => RefillState::Rejected,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use Canonical::*;

    #[test]
    fn every_spelling_panels_use() {
        let cases: &[(&str, Canonical)] = &[
            ("Pending", Pending),
            ("pending", Pending),
            ("PENDING", Pending),
            (" Pending ", Pending),
            ("In progress", InProgress),
            ("in progress", InProgress),
            ("In Progress", InProgress),
            ("Inprogress", InProgress),
            ("inprogress", InProgress),
            ("in_progress", InProgress),
            ("IN_PROGRESS", InProgress),
            ("in-progress", InProgress),
            ("Processing", Processing),
            ("processing", Processing),
            ("Completed", Completed),
            ("completed", Completed),
            ("Complete", Completed),
            ("complete", Completed),
            ("Partial", Partial),
            ("partial", Partial),
            ("Canceled", Canceled),
            ("canceled", Canceled),
            ("Cancelled", Canceled),
            ("cancelled", Canceled),
            ("Refunded", Refunded),
            ("refunded", Refunded),
            ("Failed", Failed),
            ("fail", Failed),
            ("Error", Failed),
            ("Rejected", Failed),
            ("tasks.status.pending", Pending),
            ("tasks.status.in_progress", InProgress),
            ("tasks.status.inprogress", InProgress),
            ("tasks.status.completed", Completed),
            ("tasks.status.rejected", Failed),
            ("Tasks.Status.Completed", Completed),
        ];
        for (text, want) in cases {
            assert_eq!(canonical(text), Some(*want), "{text:?}");
        }
    }

    #[test]
    fn refill_states_in_every_spelling() {
        for (text, want) in [
            ("Pending", RefillState::Pending),
            ("tasks.status.pending", RefillState::Pending),
            ("In progress", RefillState::InProgress),
            ("inprogress", RefillState::InProgress),
            ("tasks.status.in_progress", RefillState::InProgress),
            ("Completed", RefillState::Completed),
            ("tasks.status.completed", RefillState::Completed),
            ("Rejected", RefillState::Rejected),
            ("tasks.status.rejected", RefillState::Rejected),
        ] {
            assert_eq!(refill_state(text), Some(want), "{text}");
            assert_eq!(RefillState::parse(text), Some(want), "{text}");
        }
        assert_eq!(refill_state("Refill not found"), None);
        assert_eq!(
            RefillState::parse("Refill not found"),
            Some(RefillState::NotFound)
        );
        for s in RefillState::ALL {
            assert_eq!(RefillState::parse(s.name()), Some(s));
        }
    }

    #[test]
    fn unknown_texts_are_not_guessed() {
        for text in [
            "",
            "104",
            "success",
            "Unknown",
            "tasks.status.",
            "complet",
            "in progress soon",
            "status.completed",
        ] {
            assert_eq!(canonical(text), None, "{text:?}");
            assert!(!is_finished(text), "{text:?}");
        }
    }

    #[test]
    fn finished_means_it_will_not_change() {
        for text in [
            "Completed",
            "Complete",
            "partial",
            "Cancelled",
            "Refunded",
            "fail",
            "tasks.status.rejected",
        ] {
            assert!(is_finished(text), "{text}");
        }
        for text in ["Pending", "inprogress", "In progress", "Processing"] {
            assert!(!is_finished(text), "{text}");
        }
    }
}
