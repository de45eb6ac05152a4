/**
 * Throwaway-inbox domains: an address here is gone within minutes, so the default definition
 * treats it like free mail. Lower-case; subdomains match too (see `in_list`).
 */
export const disposableMailDomains: readonly string[] = [
  'mailinator.com', 'mailinator.net', 'mailinator2.com', 'mailinator.org', 'notmailinator.com',
  '10minutemail.com', '10minutemail.net', '10minutemail.co.uk', '20minutemail.com', '10mail.org',
  'guerrillamail.com', 'guerrillamail.net', 'guerrillamail.org', 'guerrillamail.biz', 'guerrillamail.de',
  'guerrillamail.info', 'guerrillamailblock.com', 'sharklasers.com', 'grr.la', 'pokemail.net', 'spam4.me',
  'yopmail.com', 'yopmail.fr', 'yopmail.net', 'cool.fr.nf', 'jetable.fr.nf', 'jetable.org', 'nospam.ze.tc',
  'tempmail.com', 'temp-mail.org', 'temp-mail.io', 'tempmail.net', 'tempmailo.com', 'tempmail.plus', 'tempr.email',
  'tempinbox.com', 'tempail.com', 'tempmailaddress.com', 'tmpmail.org', 'tmpmail.net', 'throwawaymail.com',
  'trashmail.com', 'trashmail.net', 'trashmail.de', 'trashmail.me', 'trash-mail.com', 'getnada.com', 'nada.email',
  'dispostable.com', 'maildrop.cc', 'mailnesia.com', 'mintemail.com', 'mohmal.com', 'moakt.com', 'mytemp.email',
  'emailondeck.com', 'fakeinbox.com', 'fakemail.net', 'fakemailgenerator.com', 'emailfake.com', 'spamgourmet.com',
  'spambox.us', 'spamex.com', 'spamfree24.org', 'mailcatch.com', 'mailexpire.com', 'mailnull.com',
  'incognitomail.com', 'burnermail.io', 'discard.email', 'discardmail.com', 'anonbox.net', 'armyspy.com',
  'cuvox.de', 'dayrep.com', 'einrot.com', 'fleckens.hu', 'gustr.com', 'jourrapide.com', 'rhyta.com',
  'superrito.com', 'teleworm.us', 'mailpoof.com', 'harakirimail.com', 'inboxkitten.com', 'mail-temp.com',
  'mailforspam.com', 'linshiyouxiang.net', '33mail.com', 'byom.de', 'wegwerfmail.de', 'wegwerfmail.net',
  'owlymail.com', 'luxusmail.org', 'mailtothis.com', 'getairmail.com', 'minuteinbox.com', 'emailtemporanea.com',
  '0-mail.com', '0815.ru', '1secmail.com', '1secmail.net', '1secmail.org', '24hourmail.com', 'dropmail.me',
  'emltmp.com', 'spymail.one', 'mailsac.com', 'inboxbear.com', 'crazymailing.com', 'mail.tm', 'mailto.plus',
  'mailinater.com', 'mailmetrash.com', 'meltmail.com', 'mt2015.com', 'mytrashmail.com', 'no-spam.ws',
  'objectmail.com', 'proxymail.eu', 'rcpt.at', 'sogetthis.com', 'spamavert.com', 'spamhole.com', 'spaml.com',
  'tempemail.net', 'thankyou2010.com', 'trbvm.com', 'wh4f.org', 'yepmail.net', 'zetmail.com', 'mailde.de',
  'emailsensei.com', 'filzmail.com', 'kasmail.com', 'mailzilla.com', 'put2.net', 'quickinbox.com', 'e4ward.com',
];
