//! The ways a message leaves: each [`Channel`] sends one text to one address and says why it
//! could not. E-mail goes over SMTP (`KINERJA_SMTP_URL`, `KINERJA_MAIL_FROM`), WhatsApp through an
//! HTTP gateway (`KINERJA_WHATSAPP_URL`, `KINERJA_WHATSAPP_TOKEN`) that receives
//! `POST {"to","text"}` with the token as a bearer header and the message's `Idempotency-Key`.

use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

/// Why a send failed, in words for the delivery log, and whether trying again could help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub why: String,
    /// The far end refused the message for good (an unknown mailbox, a rejected number): it is
    /// given up at once instead of being retried.
    pub permanent: bool,
}

impl Refusal {
    /// A failure that may pass (a server down, a timeout, a full queue).
    pub fn passing(why: impl Into<String>) -> Self {
        Self { why: why.into(), permanent: false }
    }

    /// A refusal that will not change on a retry.
    pub fn permanent(why: impl Into<String>) -> Self {
        Self { why: why.into(), permanent: true }
    }
}

/// What a send returns.
pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<(), Refusal>> + Send + 'a>>;

/// A message carrier.
pub trait Channel: Send + Sync {
    /// `email` or `whatsapp`: the outbox's `channel` column.
    fn name(&self) -> &'static str;

    /// Sends `text` (and, where the channel has one, `subject`) to `to`; `stop` is the address of
    /// the recipient's "stop messages" link, for channels that carry it apart from the text. `key`
    /// is the message's own name, the same on every attempt (`kinerja-outbox-12`): a receiver
    /// that saw it already can drop the repeat of a send whose answer was lost.
    fn send<'a>(
        &'a self,
        key: &'a str,
        to: &'a str,
        subject: &'a str,
        text: &'a str,
        stop: Option<&'a str>,
    ) -> Sending<'a>;
}

/// The configured channels and the app's public address, which links in messages start with.
#[derive(Clone, Default)]
pub struct Channels {
    pub email: Option<Arc<dyn Channel>>,
    pub whatsapp: Option<Arc<dyn Channel>>,
    /// Signed events to the subscriptions of the `webhooks` table (set once the database is open).
    pub webhook: Option<Arc<dyn Channel>>,
    /// Export records to the Pemda's bridge toward BKN (`KINERJA_BKN_BRIDGE_URL`).
    pub bkn: Option<Arc<dyn Channel>>,
    /// `https://kinerja.example.go.id`, without a trailing slash.
    pub app_url: String,
}

/// A WhatsApp message in the Pemda's frame (`whatsapp_template`): `{pesan}` is the message,
/// `{pemda}` the Pemda's name. A frame without `{pesan}` (refused when set) would lose the
/// message, so the message goes bare.
pub fn framed(template: &str, pemda: &str, text: &str) -> String {
    if !template.contains("{pesan}") {
        return text.to_owned();
    }
    template.replace("{pemda}", pemda).replace("{pesan}", text.trim_end())
}

impl Channels {
    /// The channel named `name`, when it is configured.
    pub fn get(&self, name: &str) -> Option<&Arc<dyn Channel>> {
        match name {
            "email" => self.email.as_ref(),
            "whatsapp" => self.whatsapp.as_ref(),
            "webhook" => self.webhook.as_ref(),
            "bkn" => self.bkn.as_ref(),
            _ => None,
        }
    }

    /// The names of the configured channels that reach people (e-mail, WhatsApp).
    pub fn names(&self) -> Vec<&'static str> {
        [self.email.as_ref(), self.whatsapp.as_ref()].into_iter().flatten().map(|c| c.name()).collect()
    }

    /// The names of every configured channel, webhooks included: what the worker sends.
    pub fn carried(&self) -> Vec<&'static str> {
        [self.email.as_ref(), self.whatsapp.as_ref(), self.webhook.as_ref(), self.bkn.as_ref()]
            .into_iter()
            .flatten()
            .map(|c| c.name())
            .collect()
    }

    /// From the delivery settings of the configuration: a channel for each one set.
    pub fn from_config(config: &crate::config::Delivery) -> anyhow::Result<Self> {
        let email = match &config.smtp_url {
            Some(url) => Some(Arc::new(Email::new(url, &config.mail_from)?) as Arc<dyn Channel>),
            None => None,
        };
        let whatsapp = config.whatsapp_url.as_ref().map(|url| {
            Arc::new(WhatsApp::new(url, config.whatsapp_token.as_deref().unwrap_or_default())) as Arc<dyn Channel>
        });
        Ok(Self { email, whatsapp, webhook: None, bkn: None, app_url: config.app_url.trim_end_matches('/').to_owned() })
    }
}

/// E-mail over SMTP, through `lettre`.
pub struct Email {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Email {
    /// `url` as `smtp://user:pass@host:587` (plain, or `?tls=required` for STARTTLS) or
    /// `smtps://host:465` (TLS from the start); `from` as `Kinerja <kinerja@pemda.go.id>`.
    pub fn new(url: &str, from: &str) -> anyhow::Result<Self> {
        use anyhow::Context;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .context("KINERJA_SMTP_URL is not an SMTP address like smtp://user:pass@host:587")?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from.parse().with_context(|| format!("KINERJA_MAIL_FROM: '{from}' is not an e-mail address"))?;
        Ok(Self { transport, from })
    }
}

impl Channel for Email {
    fn name(&self) -> &'static str {
        "email"
    }

    fn send<'a>(
        &'a self,
        key: &'a str,
        to: &'a str,
        subject: &'a str,
        text: &'a str,
        stop: Option<&'a str>,
    ) -> Sending<'a> {
        Box::pin(async move {
            let to: Mailbox = to.parse().map_err(|e| Refusal::permanent(format!("alamat tidak sah: {e}")))?;
            // The same Message-ID on every attempt: mail systems drop a repeated one.
            let message_id = format!("<{key}@{}>", self.from.email.domain());
            let mut message =
                Message::builder().from(self.from.clone()).to(to).subject(subject).message_id(Some(message_id));
            if let Some(stop) = stop {
                message = message
                    .header(ListUnsubscribe(format!("<{stop}>")))
                    .header(ListUnsubscribePost("List-Unsubscribe=One-Click".into()));
            }
            let message = message
                .header(ContentType::TEXT_PLAIN)
                .body(text.to_owned())
                .map_err(|e| Refusal::permanent(e.to_string()))?;
            // Only a refusal of this recipient is final (550 no such mailbox, 551 not here, 553
            // a bad address); a server that wants TLS or another password (530, 535) is the
            // Pemda's to fix, and the messages wait for it.
            self.transport.send(message).await.map(|_| ()).map_err(|e| {
                let code = e.status().map(|c| c.to_string()).unwrap_or_default();
                Refusal { why: e.to_string(), permanent: matches!(code.as_str(), "550" | "551" | "553") }
            })
        })
    }
}

macro_rules! text_header {
    ($name:ident, $header:literal) => {
        /// A header whose value is plain text.
        #[derive(Clone)]
        struct $name(String);

        impl lettre::message::header::Header for $name {
            fn name() -> lettre::message::header::HeaderName {
                lettre::message::header::HeaderName::new_from_ascii_str($header)
            }

            fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
                Ok(Self(s.to_owned()))
            }

            fn display(&self) -> lettre::message::header::HeaderValue {
                lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
            }
        }
    };
}

text_header!(ListUnsubscribe, "List-Unsubscribe");
text_header!(ListUnsubscribePost, "List-Unsubscribe-Post");

/// WhatsApp through the Pemda's gateway.
pub struct WhatsApp {
    client: reqwest::Client,
    url: String,
    token: String,
}

impl WhatsApp {
    pub fn new(url: &str, token: &str) -> Self {
        let client = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().unwrap_or_default();
        Self { client, url: url.to_owned(), token: token.to_owned() }
    }
}

impl Channel for WhatsApp {
    fn name(&self) -> &'static str {
        "whatsapp"
    }

    fn send<'a>(
        &'a self,
        key: &'a str,
        to: &'a str,
        _subject: &'a str,
        text: &'a str,
        _stop: Option<&'a str>,
    ) -> Sending<'a> {
        Box::pin(async move {
            let answer = self
                .client
                .post(&self.url)
                .bearer_auth(&self.token)
                .header("Idempotency-Key", key)
                .json(&serde_json::json!({ "to": to, "text": text }))
                .send()
                .await
                .map_err(|e| Refusal::passing(format!("gateway tidak terjangkau: {e}")))?;
            let status = answer.status();
            if status.is_success() {
                return Ok(());
            }
            let body: String = answer.text().await.unwrap_or_default().chars().take(200).collect();
            let why = format!("gateway menjawab HTTP {}: {body}", status.as_u16());
            // Only a refusal of this message is final (400, 410, 422: a number not on WhatsApp, a
            // text refused); a bad token or address of the gateway (401, 403, 404) is the Pemda's
            // to fix, and the messages wait for it.
            Err(Refusal { why, permanent: matches!(status.as_u16(), 400 | 410 | 422) })
        })
    }
}
