//! The account badge: a signed credential (compact JWS, EdDSA over Ed25519) verified in the page.

pub mod uscc;
