//! Trust: the list of accredited CAs (Минцифры XML), certificate paths and CRLs.
