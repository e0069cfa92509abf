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
