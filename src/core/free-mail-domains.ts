/**
 * Consumer and free webmail domains worldwide: an address here says nothing about an employer,
 * which is why the default definition treats it as a disqualifier for B2B sales.
 * Lower-case; subdomains match too (see `in_list`).
 */
export const freeMailDomains: readonly string[] = [
  // Google
  'gmail.com', 'googlemail.com',
  // Yahoo and its regional sites
  'yahoo.com', 'yahoo.ca', 'yahoo.de', 'yahoo.fr', 'yahoo.es', 'yahoo.it', 'yahoo.ie', 'yahoo.in', 'yahoo.gr',
  'yahoo.se', 'yahoo.dk', 'yahoo.no', 'yahoo.fi', 'yahoo.nl', 'yahoo.be', 'yahoo.at', 'yahoo.ch', 'yahoo.pl',
  'yahoo.ro', 'yahoo.cz', 'yahoo.hu', 'yahoo.pt', 'yahoo.cn', 'yahoo.co.uk', 'yahoo.co.in', 'yahoo.co.jp',
  'yahoo.co.id', 'yahoo.co.nz', 'yahoo.co.za', 'yahoo.co.kr', 'yahoo.co.th', 'yahoo.co.il', 'yahoo.com.ar',
  'yahoo.com.au', 'yahoo.com.br', 'yahoo.com.cn', 'yahoo.com.hk', 'yahoo.com.mx', 'yahoo.com.my', 'yahoo.com.ph',
  'yahoo.com.sg', 'yahoo.com.tw', 'yahoo.com.vn', 'yahoo.com.tr', 'yahoo.com.co', 'yahoo.com.pe', 'yahoo.com.ve',
  'yahoo.cl', 'ymail.com', 'rocketmail.com',
  // Microsoft
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es', 'hotmail.nl',
  'hotmail.be', 'hotmail.ca', 'hotmail.se', 'hotmail.dk', 'hotmail.no', 'hotmail.fi', 'hotmail.gr', 'hotmail.ch',
  'hotmail.at', 'hotmail.cl', 'hotmail.my', 'hotmail.sg', 'hotmail.rs', 'hotmail.hu', 'hotmail.cz', 'hotmail.sk',
  'hotmail.pt', 'hotmail.ro', 'hotmail.co.jp', 'hotmail.co.za', 'hotmail.co.in', 'hotmail.co.nz', 'hotmail.co.th',
  'hotmail.com.au', 'hotmail.com.br', 'hotmail.com.ar', 'hotmail.com.mx', 'hotmail.com.tr', 'hotmail.com.hk',
  'outlook.com', 'outlook.fr', 'outlook.de', 'outlook.it', 'outlook.es', 'outlook.jp', 'outlook.kr', 'outlook.in',
  'outlook.ie', 'outlook.at', 'outlook.be', 'outlook.dk', 'outlook.pt', 'outlook.sa', 'outlook.sk', 'outlook.cl',
  'outlook.ph', 'outlook.my', 'outlook.cz', 'outlook.hu', 'outlook.lv', 'outlook.com.br', 'outlook.com.au',
  'outlook.com.ar', 'outlook.com.tr', 'outlook.com.vn', 'outlook.com.gr', 'outlook.co.th', 'outlook.co.id',
  'outlook.co.il', 'outlook.co.nz',
  'live.com', 'live.co.uk', 'live.fr', 'live.de', 'live.it', 'live.nl', 'live.be', 'live.ca', 'live.cn', 'live.ie',
  'live.in', 'live.jp', 'live.se', 'live.dk', 'live.no', 'live.fi', 'live.at', 'live.ch', 'live.cl', 'live.ru',
  'live.hk', 'live.co.za', 'live.co.kr', 'live.com.au', 'live.com.mx', 'live.com.ar', 'live.com.pt', 'live.com.my',
  'live.com.sg', 'live.com.ph', 'msn.com', 'passport.com', 'windowslive.com',
  // AOL / Verizon media
  'aol.com', 'aol.co.uk', 'aol.fr', 'aol.de', 'aol.it', 'aim.com', 'wow.com', 'games.com', 'love.com', 'ygm.com',
  // Apple
  'icloud.com', 'me.com', 'mac.com',
  // Privacy-focused and independent providers
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de', 'tutamail.com',
  'tuta.io', 'tuta.com', 'keemail.me', 'hushmail.com', 'hush.com', 'hush.ai', 'fastmail.com', 'fastmail.fm',
  'fastmail.net', 'runbox.com', 'countermail.com', 'startmail.com', 'mailfence.com', 'disroot.org', 'riseup.net',
  'posteo.de', 'posteo.net', 'mailbox.org', 'zoho.com', 'zoho.eu', 'zohomail.com', 'zohomail.eu', 'zohomail.in',
  'yandex.com', 'gmx.com', 'gmx.us', 'mail.com', 'email.com', 'usa.com', 'myself.com', 'consultant.com',
  'post.com', 'europe.com', 'asia.com', 'engineer.com', 'cheerful.com', 'techie.com', 'writeme.com', 'iname.com',
  'dr.com', 'workmail.com', 'inbox.com', 'excite.com', 'lycos.com', 'lycos.co.uk', 'netscape.net', 'netscape.com',
  'compuserve.com', 'cs.com', 'hotpop.com', 'bigstring.com', 'safe-mail.net', 'cock.li', 'airmail.cc',
  // Germany, Austria, Switzerland
  'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'gmx.fr', 'gmx.co.uk', 'gmx.es', 'gmx.it', 'web.de', 'freenet.de',
  't-online.de', 'arcor.de', 'mail.de', 'online.de', 'email.de', 'vodafone.de', 'kabelmail.de', 'aon.at',
  'chello.at', 'a1.net', 'bluewin.ch', 'hispeed.ch', 'sunrise.ch',
  // Russia, Ukraine, Belarus, Kazakhstan
  'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'internet.ru', 'yandex.ru', 'yandex.ua', 'yandex.by', 'yandex.kz',
  'ya.ru', 'rambler.ru', 'ukr.net', 'i.ua', 'meta.ua', 'tut.by',
  // China, Taiwan, Hong Kong
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'vip.163.com', 'vip.126.com', 'sina.com', 'sina.cn',
  'sohu.com', 'aliyun.com', '139.com', '189.cn', 'wo.cn', '21cn.com', 'tom.com', 'hinet.net', 'seed.net.tw',
  'pchome.com.tw', 'netvigator.com',
  // Korea, Japan
  'naver.com', 'hanmail.net', 'daum.net', 'nate.com', 'kakao.com', 'docomo.ne.jp', 'ezweb.ne.jp',
  'softbank.ne.jp', 'i.softbank.jp', 'nifty.com', 'biglobe.ne.jp', 'ocn.ne.jp',
  // India, South and South-East Asia
  'rediffmail.com', 'rediff.com', 'sify.com', 'pacific.net.sg', 'singnet.com.sg', 'streamyx.com', 'tm.net.my',
  'pldtdsl.net', 'vnn.vn',
  // Italy
  'libero.it', 'virgilio.it', 'alice.it', 'tin.it', 'tiscali.it', 'email.it', 'inwind.it', 'iol.it',
  'fastwebnet.it', 'tim.it',
  // France, Belgium, Netherlands
  'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'laposte.net', 'bbox.fr', 'club-internet.fr',
  'numericable.fr', 'aliceadsl.fr', 'cegetel.net', 'noos.fr', 'voila.fr', 'telenet.be', 'skynet.be', 'scarlet.be',
  'ziggo.nl', 'home.nl', 'planet.nl', 'kpnmail.nl', 'kpnplanet.nl', 'hetnet.nl', 'casema.nl', 'chello.nl',
  'xs4all.nl', 'quicknet.nl', 'upcmail.nl',
  // United Kingdom, Ireland
  'btinternet.com', 'btopenworld.com', 'sky.com', 'talktalk.net', 'virginmedia.com', 'ntlworld.com',
  'blueyonder.co.uk', 'tiscali.co.uk', 'o2.co.uk', 'lineone.net', 'eircom.net', 'iol.ie', 'indigo.ie',
  // United States
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'pacbell.net', 'ameritech.net',
  'flash.net', 'prodigy.net', 'swbell.net', 'nvbell.net', 'snet.net', 'cox.net', 'charter.net', 'earthlink.net',
  'optonline.net', 'optimum.net', 'frontier.com', 'frontiernet.net', 'windstream.net', 'centurylink.net', 'q.com',
  'embarqmail.com', 'juno.com', 'netzero.net', 'netzero.com', 'roadrunner.com', 'rr.com', 'twc.com',
  'mindspring.com', 'peoplepc.com', 'suddenlink.net', 'mediacombb.net', 'cableone.net', 'wowway.com', 'rcn.com',
  // Canada
  'shaw.ca', 'rogers.com', 'sympatico.ca', 'bell.net', 'videotron.ca', 'telus.net', 'cogeco.ca', 'eastlink.ca',
  // Australia, New Zealand
  'bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'iinet.net.au', 'tpg.com.au', 'internode.on.net',
  'westnet.com.au', 'adam.com.au', 'dodo.com.au', 'xtra.co.nz', 'paradise.net.nz', 'clear.net.nz',
  'slingshot.co.nz', 'vodafone.co.nz', 'orcon.net.nz',
  // Latin America, Spain, Portugal
  'uol.com.br', 'bol.com.br', 'terra.com.br', 'ig.com.br', 'globo.com', 'globomail.com', 'r7.com', 'oi.com.br',
  'zipmail.com.br', 'terra.com', 'terra.es', 'terra.cl', 'telefonica.net', 'movistar.es', 'ono.com', 'ya.com',
  'latinmail.com', 'starmedia.com', 'prodigy.net.mx', 'vtr.net', 'speedy.com.ar', 'fibertel.com.ar',
  'arnet.com.ar', 'ciudad.com.ar', 'cantv.net', 'sapo.pt', 'clix.pt', 'netcabo.pt', 'iol.pt',
  // Central and Eastern Europe
  'wp.pl', 'o2.pl', 'onet.pl', 'onet.eu', 'op.pl', 'interia.pl', 'interia.eu', 'poczta.fm', 'gazeta.pl', 'tlen.pl',
  'vp.pl', 'go2.pl', 'seznam.cz', 'email.cz', 'centrum.cz', 'atlas.cz', 'volny.cz', 'post.cz', 'azet.sk',
  'centrum.sk', 'pobox.sk', 'zoznam.sk', 'freemail.hu', 'citromail.hu', 'indamail.hu', 'abv.bg', 'mail.bg',
  'dir.bg', 'k.ro', 'inbox.lv', 'inbox.lt', 'mail.ee', 'hot.ee', 'otenet.gr', 'forthnet.gr', 'in.gr',
  // Nordics
  'telia.com', 'spray.se', 'bredband.net', 'comhem.se', 'bahnhof.se', 'online.no', 'start.no', 'broadpark.no',
  'jubii.dk', 'mail.dk', 'ofir.dk', 'stofanet.dk', 'get2net.dk', 'suomi24.fi', 'luukku.com', 'saunalahti.fi',
  'kolumbus.fi',
  // Middle East, Turkey, Africa
  'walla.co.il', 'walla.com', 'netvision.net.il', 'bezeqint.net', 'mynet.com', 'superonline.com', 'gawab.com',
  'maktoob.com', 'mweb.co.za', 'webmail.co.za', 'telkomsa.net', 'vodamail.co.za',
];
