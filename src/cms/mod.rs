//! Detached CMS / CAdES signatures (RFC 5652, RFC 5035, ETSI EN 319 122-1) as Russian signing
//! tools write them: DER, BER with indefinite lengths, PEM and bare base64.
