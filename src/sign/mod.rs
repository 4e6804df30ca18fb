//! Signing: CAdES-BES detached signatures, with an external signer or a software GOST key.
