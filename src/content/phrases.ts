/**
 * Every word Lapse reads on LinkedIn's Sent and Connections pages, per UI language: PHRASES
 * (the Sent page, and words both pages share) and CONNECTIONS_PHRASES (the Connections page's
 * own). `Record<Language, …>` makes a missing language or a missing phrase a type error.
 * Where each phrase comes from (LinkedIn's own wording seen on the page, or this project's
 * inference from LinkedIn's usual terms) is listed in docs/linkedin-pages.md, "Phrases".
 * Relative times ("il y a 3 jours", "vor 3 Tagen") are not typed here: Intl.RelativeTimeFormat
 * writes them (src/content/words.ts), and only what Intl cannot know is.
 */

/** The UI languages Lapse reads. Others are never guessed at: their dates stay unknown. */
export type Language = 'en' | 'fr' | 'pt' | 'es' | 'de' | 'it' | 'nl';

/** A phrase around a person's name, e.g. "Withdraw invitation sent to " + name + "". */
export interface AroundName {
  before: string;
  after: string;
}

/** The words of the Sent page, and those both pages share (names, noise). */
export interface Phrases {
  /** LinkedIn's word before (or after) a relative time on a Sent card: "Sent 3 days ago". */
  sent: readonly string[];
  /** Words that stand for 1 in a relative time ("a month ago", "il y a un mois"). */
  one: readonly string[];
  /** Words for "just now" beyond Intl's own. */
  now: readonly string[];
  /** The tab that counts connection requests: "People (1,234)". */
  people: readonly string[];
  /** The Withdraw control: its visible word, and its aria-label around the person's name. */
  withdraw: { words: readonly string[]; label: readonly AroundName[] };
  /** The list's own control that loads more invitations. */
  loadMore: readonly string[];
  /** A note's "…more" (and the like): never a name, a headline or a note. */
  seeMore: readonly string[];
  /** Words saying the Sent list is empty; `received` starts the same way but is the other tab's. */
  emptyState: { sent: readonly string[]; received: readonly string[] };
  /** Text around a name in an avatar's alt or a link: "Ada’s profile picture", "View Ada’s profile". */
  aroundName: readonly AroundName[];
  /** Whole texts on a card that are never a name, a headline or a note ("Pending", "Message"). */
  noise: readonly string[];
}

export const PHRASES: Record<Language, Phrases> = {
  en: {
    sent: ['Sent'],
    one: ['a', 'an', 'one'],
    now: ['just now', 'moments ago'],
    people: ['People'],
    withdraw: { words: ['Withdraw'], label: [{ before: 'Withdraw invitation sent to ', after: '' }] },
    loadMore: ['Load more', 'Show more results', 'See more', 'Show more'],
    seeMore: ['more', 'see more', '…more', '… more', '...more', '…see more'],
    emptyState: {
      sent: [
        'No pending invitations',
        'No sent invitations',
        'You don’t have any pending invitations',
        'You do not have any pending invitations',
        'You don’t have any sent invitations',
        'You do not have any sent invitations',
      ],
      received: ['No pending invitations received'],
    },
    aroundName: [
      { before: '', after: '’s profile picture' },
      { before: '', after: '’s profile photo' },
      { before: '', after: '’ profile picture' },
      { before: 'Profile picture of ', after: '' },
      { before: 'Profile photo of ', after: '' },
      { before: 'Photo of ', after: '' },
      { before: 'View ', after: '’s profile' },
      { before: 'View ', after: '’ profile' },
    ],
    noise: [
      'Pending',
      'Message',
      'View profile',
      'View full profile',
      'Status is online',
      'Status is offline',
      'Status is reachable',
      'Status is away',
    ],
  },
  fr: {
    sent: ['Envoyé', 'Envoyée', 'Envoyées', 'Envoyés'],
    one: ['un', 'une'],
    now: ['à l’instant'],
    people: ['Personnes'],
    withdraw: { words: ['Retirer'], label: [{ before: 'Retirer l’invitation envoyée à ', after: '' }] },
    loadMore: ['Charger plus', 'Afficher plus', 'Afficher plus de résultats', 'Voir plus'],
    seeMore: ['voir plus', '…voir plus', '… voir plus', 'plus'],
    emptyState: {
      sent: ['Aucune invitation envoyée', 'Aucune invitation en attente'],
      received: ['Aucune invitation en attente reçue', 'Aucune invitation reçue'],
    },
    aroundName: [{ before: 'Photo de profil de ', after: '' }],
    noise: ['En attente', 'Message', 'Voir le profil'],
  },
  pt: {
    sent: ['Enviado', 'Enviada', 'Enviados', 'Enviadas'],
    one: ['um', 'uma'],
    now: [],
    people: ['Pessoas'],
    withdraw: { words: ['Retirar'], label: [{ before: 'Retirar convite enviado para ', after: '' }] },
    loadMore: ['Carregar mais', 'Exibir mais resultados', 'Ver mais'],
    seeMore: ['ver mais', '…ver mais', '… ver mais', 'mais'],
    emptyState: {
      sent: ['Nenhum convite enviado', 'Nenhum convite pendente'],
      received: ['Nenhum convite pendente recebido', 'Nenhum convite recebido'],
    },
    aroundName: [{ before: 'Foto do perfil de ', after: '' }],
    noise: ['Pendente', 'Mensagem', 'Ver perfil'],
  },
  es: {
    sent: ['Enviada', 'Enviado', 'Enviadas', 'Enviados'],
    one: ['un', 'una'],
    now: [],
    people: ['Personas'],
    withdraw: { words: ['Retirar'], label: [{ before: 'Retirar invitación enviada a ', after: '' }] },
    loadMore: ['Cargar más', 'Mostrar más resultados', 'Ver más'],
    seeMore: ['ver más', '…ver más', '… ver más', 'más'],
    emptyState: {
      sent: ['No hay invitaciones enviadas', 'No hay invitaciones pendientes', 'Ninguna invitación enviada'],
      received: ['No hay invitaciones pendientes recibidas', 'No hay invitaciones recibidas'],
    },
    aroundName: [{ before: 'Foto del perfil de ', after: '' }],
    noise: ['Pendiente', 'Mensaje', 'Ver perfil'],
  },
  de: {
    sent: ['Gesendet', 'Versendet', 'Verschickt'],
    one: ['einem', 'einer', 'ein', 'eine'],
    now: ['gerade eben'],
    people: ['Personen'],
    withdraw: { words: ['Zurückziehen'], label: [{ before: 'Einladung an ', after: ' zurückziehen' }] },
    loadMore: ['Mehr laden', 'Weitere Ergebnisse anzeigen', 'Mehr anzeigen'],
    seeMore: ['mehr', '…mehr', '… mehr', 'mehr anzeigen'],
    emptyState: {
      sent: ['Keine gesendeten Einladungen', 'Keine ausstehenden Einladungen'],
      received: ['Keine ausstehenden Einladungen erhalten', 'Keine erhaltenen Einladungen'],
    },
    aroundName: [{ before: 'Profilbild von ', after: '' }],
    noise: ['Ausstehend', 'Nachricht', 'Profil anzeigen'],
  },
  it: {
    sent: ['Inviato', 'Inviata', 'Inviati', 'Inviate'],
    one: ['un', 'una', 'un’'],
    now: ['poco fa'],
    people: ['Persone'],
    withdraw: { words: ['Ritira'], label: [{ before: 'Ritira l’invito inviato a ', after: '' }] },
    loadMore: ['Carica altro', 'Mostra altri risultati', 'Mostra altro'],
    seeMore: ['altro', '…altro', '… altro', 'mostra altro'],
    emptyState: {
      sent: ['Nessun invito inviato', 'Nessun invito in sospeso'],
      received: ['Nessun invito in sospeso ricevuto', 'Nessun invito ricevuto'],
    },
    aroundName: [{ before: 'Immagine del profilo di ', after: '' }],
    noise: ['In sospeso', 'Messaggio', 'Visualizza profilo'],
  },
  nl: {
    sent: ['Verzonden', 'Verstuurd'],
    one: ['een', 'één'],
    now: ['zojuist'],
    people: ['Personen', 'Mensen'],
    withdraw: { words: ['Intrekken'], label: [{ before: 'Uitnodiging aan ', after: ' intrekken' }] },
    loadMore: ['Meer laden', 'Meer resultaten weergeven', 'Meer weergeven'],
    seeMore: ['meer', '…meer', '… meer', 'meer weergeven'],
    emptyState: {
      sent: ['Geen verzonden uitnodigingen', 'Geen openstaande uitnodigingen'],
      received: ['Geen openstaande uitnodigingen ontvangen', 'Geen ontvangen uitnodigingen'],
    },
    aroundName: [{ before: 'Profielfoto van ', after: '' }],
    noise: ['In behandeling', 'Bericht', 'Profiel bekijken'],
  },
};

/**
 * The Connections page's words, in a table of their own: only the Connections script imports it,
 * so the Sent page's script (within its size budget) does not carry them.
 */
export interface ConnectionsPhrases {
  /** The word before the connection time ("Connected 2 weeks ago"). */
  connected: readonly string[];
  /** The word between that and a written date ("Connected on March 5, 2026"). */
  connectedOn: readonly string[];
  /** Filler words inside a written date ("5 de março de 2026"). */
  dateFillers: readonly string[];
}

export const CONNECTIONS_PHRASES: Record<Language, ConnectionsPhrases> = {
  en: { connected: ['Connected'], connectedOn: ['on'], dateFillers: [] },
  fr: {
    connected: ['Connecté(e)', 'Connectée', 'Connecté', 'Relation établie', 'En relation depuis'],
    connectedOn: ['le', 'depuis le'],
    dateFillers: [],
  },
  pt: {
    connected: ['Conectado(a)', 'Conectada', 'Conectado', 'Conexão feita'],
    connectedOn: ['em'],
    dateFillers: ['de'],
  },
  es: {
    connected: ['Conectado(a)', 'Conectada', 'Conectado', 'Conexión establecida'],
    connectedOn: ['el'],
    dateFillers: ['de', 'del'],
  },
  de: { connected: ['Vernetzt', 'Verbunden'], connectedOn: ['am', 'seit'], dateFillers: [] },
  it: { connected: ['Collegato/a', 'Collegata', 'Collegato'], connectedOn: ['il', 'l’'], dateFillers: ['di'] },
  nl: { connected: ['Connectie gemaakt', 'Verbonden'], connectedOn: ['op'], dateFillers: [] },
};

/** Every language, in the order their tables are tried when the page does not say. */
export const LANGUAGES = Object.keys(PHRASES) as Language[];

/** Every language's phrases of one kind, for words that mean the same on any page (Withdraw, Load more). */
export function inAnyLanguage(pick: (phrases: Phrases) => readonly string[]): string[] {
  return LANGUAGES.flatMap((language) => pick(PHRASES[language]));
}
