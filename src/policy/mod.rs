//! Labour Code arts. 22.1–22.3: who may sign what with which kind of signature, and the upload
//! manifest for «Работа России».
