//RINGSET  JOB (ACCT),'SECADM RING SETUP',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID
//*--------------------------------------------------------------------
//* Sample site for racfring: a RACF root CA, a web server ring
//* protected by RDATALIB, an FTP server ring under FACILITY checking,
//* a batch client's trust ring, and a partner CA added from a data set.
//* Deliberate defects (racfring must find them):
//*  1. The FTP server started task FTPD runs as TCPIP (STARTED profile
//*     FTPD.*) but its certificate belongs to FTPD: TCPIP can open the
//*     ring (UPDATE on IRR.DIGTCERT.LISTRING) yet gets no private key,
//*     so System SSL fails with 428 (field case 4).
//*  2. The web certificate is exported with a clear-text password.
//*  3. An old client certificate with a 1024-bit RSA key sits on the
//*     batch client's ring.
//*--------------------------------------------------------------------
//STEP1    EXEC PGM=IKJEFT01,DYNAMNBR=20
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
  /* Identities: administrators, servers, clients                  */
  ADDUSER SECADM SPECIAL DFLTGRP(SYS1) NAME('SECURITY ADMIN')
  ADDGROUP STCGRP
  ADDUSER WEBSRV DFLTGRP(STCGRP) NOPASSWORD -
          OMVS(UID(1201) HOME('/u/websrv') PROGRAM('/bin/sh'))
  ADDUSER FTPD DFLTGRP(STCGRP) NOPASSWORD
  ADDUSER TCPIP DFLTGRP(STCGRP) NOPASSWORD
  ADDUSER BATCHCL DFLTGRP(STCGRP) NOPASSWORD

  /* Started tasks: WEBSRV runs as itself, FTPD as TCPIP           */
  RDEFINE STARTED WEBSRV.* STDATA(USER(WEBSRV) GROUP(STCGRP))
  RDEFINE STARTED FTPD.* STDATA(USER(TCPIP) GROUP(STCGRP))

  /* Site root CA, kept in RACF                                    */
  RACDCERT CERTAUTH GENCERT -
    SUBJECTSDN(CN('Sample Site Root CA') O('Sample Corp') C('US')) -
    SIZE(2048) RSA KEYUSAGE(CERTSIGN) -
    NOTBEFORE(DATE(2025-01-01) TIME(00:00:00)) -
    NOTAFTER(DATE(2035-12-31) TIME(23:59:59)) -
    WITHLABEL('Sample Root CA')

  /* Partner bank's root CA, received as PEM                       */
  RACDCERT CERTAUTH ADD('SECADM.PARTNER.CA.PEM') -
    WITHLABEL('Partner Bank Root CA') TRUST

  /* Web server: own certificate, own ring, RDATALIB profile       */
  RACDCERT ID(WEBSRV) GENCERT -
    SUBJECTSDN(CN('web01.sample.example') OU('Web') O('Sample Corp') -
               C('US')) -
    ALTNAME(DOMAIN('web01.sample.example') IP(10.1.1.10)) -
    SIZE(2048) RSA KEYUSAGE(HANDSHAKE) -
    NOTBEFORE(DATE(2026-01-01)) NOTAFTER(DATE(2027-12-31)) -
    SIGNWITH(CERTAUTH LABEL('Sample Root CA')) -
    WITHLABEL('Web Server')
  RACDCERT ID(WEBSRV) ADDRING(WebRing)
  RACDCERT ID(WEBSRV) CONNECT(CERTAUTH LABEL('Sample Root CA') -
    RING(WebRing) USAGE(CERTAUTH))
  RACDCERT ID(WEBSRV) CONNECT(ID(WEBSRV) LABEL('Web Server') -
    RING(WebRing) USAGE(PERSONAL) DEFAULT)
  RDEFINE RDATALIB WEBSRV.WEBRING.LST UACC(NONE)
  PERMIT WEBSRV.WEBRING.LST CLASS(RDATALIB) ID(WEBSRV) ACCESS(READ)

  /* FTP server: certificate owned by FTPD, ring owned by FTPD     */
  RACDCERT ID(FTPD) GENCERT -
    SUBJECTSDN(CN('ftp.sample.example') O('Sample Corp') C('US')) -
    ALTNAME(DOMAIN('ftp.sample.example')) -
    SIZE(2048) RSA KEYUSAGE(HANDSHAKE) -
    NOTBEFORE(DATE(2026-01-01)) NOTAFTER(DATE(2027-12-31)) -
    SIGNWITH(CERTAUTH LABEL('Sample Root CA')) -
    WITHLABEL('FTP Server')
  RACDCERT ID(FTPD) ADDRING(FTPRing)
  RACDCERT ID(FTPD) CONNECT(CERTAUTH LABEL('Sample Root CA') -
    RING(FTPRing) USAGE(CERTAUTH))
  RACDCERT ID(FTPD) CONNECT(LABEL('FTP Server') RING(FTPRing) -
    DEFAULT)
  RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) -
    ACCESS(UPDATE)
  PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(BATCHCL) -
    ACCESS(READ)

  /* Batch client: trust store with both CAs, and an old cert      */
  RACDCERT ID(BATCHCL) GENCERT -
    SUBJECTSDN(CN('batch-client-old') O('Sample Corp') C('US')) -
    SIZE(1024) RSA KEYUSAGE(HANDSHAKE) -
    NOTBEFORE(DATE(2025-06-01)) NOTAFTER(DATE(2030-05-31)) -
    WITHLABEL('Old Client Cert')
  RACDCERT ID(BATCHCL) ADDRING(ClientRing)
  RACDCERT ID(BATCHCL) CONNECT(CERTAUTH LABEL('Sample Root CA') -
    RING(ClientRing) USAGE(CERTAUTH))
  RACDCERT ID(BATCHCL) CONNECT(CERTAUTH -
    LABEL('Partner Bank Root CA') RING(ClientRing) USAGE(CERTAUTH))
  RACDCERT ID(BATCHCL) CONNECT(ID(BATCHCL) -
    LABEL('Old Client Cert') RING(ClientRing) USAGE(PERSONAL))

  /* A backup copy of the web certificate (defect: clear password) */
  RACDCERT ID(WEBSRV) EXPORT(LABEL('Web Server')) -
    DSN('SECADM.WEBSRV.P12') FORMAT(PKCS12DER) PASSWORD('Summer2026')

  /* Activate ring-specific checking and refresh everything         */
  SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)
  SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH
  SETROPTS RACLIST(FACILITY RDATALIB STARTED) REFRESH
/*
