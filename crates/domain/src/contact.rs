//! A citizen's or employee's contact as typed ("warga@contoh.id", "0812-3456-7890",
//! "+62 812 3456 7890"): where a message can go, if anywhere.

use std::fmt;

/// A place a message can be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    /// An e-mail address, as typed (trimmed).
    Email(String),
    /// A mobile number for WhatsApp in international form without '+': `6281234567890`.
    WhatsApp(String),
}

impl Contact {
    /// Reads what someone typed; `None` when it is neither an e-mail address nor an Indonesian
    /// mobile number (a street address, a landline, a name).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.contains('@') {
            return Self::email(text);
        }
        Self::mobile(text)
    }

    /// An address already in its stored form, on the channel named as in [`Contact::channel`]
    /// (anything but `whatsapp` is e-mail).
    pub fn on(channel: &str, address: &str) -> Self {
        match channel {
            "whatsapp" => Self::WhatsApp(address.to_owned()),
            _ => Self::Email(address.to_owned()),
        }
    }

    /// The channel's name: `email` or `whatsapp`.
    pub fn channel(&self) -> &'static str {
        match self {
            Contact::Email(_) => "email",
            Contact::WhatsApp(_) => "whatsapp",
        }
    }

    /// The address the channel sends to.
    pub fn address(&self) -> &str {
        match self {
            Contact::Email(a) | Contact::WhatsApp(a) => a,
        }
    }

    /// The address with most of it hidden, for logs and lists: `w***@contoh.id`, `62812****890`.
    pub fn masked(&self) -> String {
        mask(self.address())
    }

    fn email(text: &str) -> Option<Self> {
        let (local, domain) = text.split_once('@')?;
        let plain = |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control() || c == '@');
        let domain_ok = plain(domain) && domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.');
        (plain(local) && domain_ok && text.len() <= 254).then(|| Contact::Email(text.to_owned()))
    }

    fn mobile(text: &str) -> Option<Self> {
        if !text.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '+' | '(' | ')')) {
            return None;
        }
        if text.chars().skip(1).any(|c| c == '+') {
            return None;
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let national = if let Some(rest) = digits.strip_prefix("62") {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest.to_owned()
        } else {
            return None;
        };
        // Indonesian mobile numbers start with 8 and have 9 to 12 digits after the 0.
        (national.starts_with('8') && (9..=12).contains(&national.len()))
            .then(|| Contact::WhatsApp(format!("62{national}")))
    }
}

impl fmt::Display for Contact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.address())
    }
}

/// Hides the middle of an address: the first character of an e-mail's local part and its domain
/// stay; a number keeps its first five and last three digits.
pub fn mask(address: &str) -> String {
    if let Some((local, domain)) = address.split_once('@') {
        let first: String = local.chars().take(1).collect();
        return format!("{first}***@{domain}");
    }
    let chars: Vec<char> = address.chars().collect();
    if chars.len() <= 8 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..5].iter().collect();
    let tail: String = chars[chars.len() - 3..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_mobile_numbers_are_told_apart() {
        assert_eq!(Contact::parse(" warga@contoh.id "), Some(Contact::Email("warga@contoh.id".into())));
        assert_eq!(Contact::parse("0812-3456-7890"), Some(Contact::WhatsApp("6281234567890".into())));
        assert_eq!(Contact::parse("+62 812 3456 7890"), Some(Contact::WhatsApp("6281234567890".into())));
        assert_eq!(Contact::parse("(0812) 345 678"), Some(Contact::WhatsApp("62812345678".into())));
    }

    #[test]
    fn what_cannot_receive_a_message_is_none() {
        for text in [
            "",
            "Jl. Merdeka 5",
            "022-4201234",
            "warga@",
            "@contoh.id",
            "warga@contoh",
            "a b@c.id",
            "08123",
            "62+812345678",
        ] {
            assert_eq!(Contact::parse(text), None, "{text}");
        }
    }

    #[test]
    fn masks_hide_the_middle() {
        assert_eq!(mask("warga@contoh.id"), "w***@contoh.id");
        assert_eq!(mask("6281234567890"), "62812*****890");
        assert_eq!(mask("12345"), "*****");
    }
}
