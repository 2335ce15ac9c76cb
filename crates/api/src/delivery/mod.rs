//! Messages that leave the app: the outbox they are written to (in the transaction of the change
//! they announce), the channels that carry them (e-mail over SMTP, WhatsApp through the Pemda's
//! HTTP gateway, signed events to webhook subscribers) and the worker that sends what is due,
//! with retries.

pub mod bkn;
pub mod channels;
pub mod events;
pub mod outbox;
pub mod webhook;
pub mod worker;

pub use channels::{Channel, Channels};
pub use outbox::{enqueue, enqueue_at, hold, Outgoing, Recipient};
