<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About qbconnector</source>
        <translation>À propos de qbconnector</translation>
    </message>
    <message>
        <source>Pushes FlowFit invoices and quotes to QuickBooks Online.</source>
        <translation>Transmet les factures et les soumissions de FlowFit à QuickBooks Online.</translation>
    </message>
    <message>
        <source>Profile folder:</source>
        <translation>Dossier du profil :</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>Dossier des journaux :</translation>
    </message>
    <message>
        <source>This program uses Qt %1 and PySide6 %2 under the GNU Lesser General Public License version 3 (LGPL-3.0). They are shipped unmodified, as separate shared libraries that you may replace with your own build of the same version. Their source code is available at %3 and %4. The texts of the LGPL and of the GPL it refers to are in %5.</source>
        <translation>Ce programme utilise Qt %1 et PySide6 %2 sous la licence publique générale limitée GNU, version 3 (LGPL-3.0). Ils sont fournis sans modification, sous forme de bibliothèques partagées distinctes que vous pouvez remplacer par votre propre compilation de la même version. Leur code source est offert à %3 et à %4. Les textes de la LGPL et de la GPL à laquelle elle renvoie se trouvent dans %5.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Qt&apos;s own third-party parts (such as ICU) and their licences: %1</source>
        <translation>Composants tiers de Qt (comme ICU) et leurs licences : %1</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
</context>
<context>
    <name>ChipBox</name>
    <message>
        <source>Type text, or press + to add a variable</source>
        <translation>Tapez du texte, ou appuyez sur + pour ajouter une variable</translation>
    </message>
    <message>
        <source>Text {number}</source>
        <translation>Texte {number}</translation>
    </message>
    <message>
        <source>Variable: {label}</source>
        <translation>Variable : {label}</translation>
    </message>
    <message>
        <source>Remove {label}</source>
        <translation>Retirer {label}</translation>
    </message>
</context>
<context>
    <name>ChipTemplateEditor</name>
    <message>
        <source>Invoice description</source>
        <translation>Description de la facture</translation>
    </message>
    <message>
        <source>Quote description</source>
        <translation>Description de la soumission</translation>
    </message>
    <message>
        <source>Add a FlowFit variable</source>
        <translation>Ajouter une variable FlowFit</translation>
    </message>
    <message>
        <source>Text form:</source>
        <translation>Forme texte :</translation>
    </message>
    <message>
        <source>Naming convention as text</source>
        <translation>Convention de nommage en texte</translation>
    </message>
    <message>
        <source>Variables are written %NAME%; write %% for a percent sign.</source>
        <translation>Les variables s’écrivent %NOM% ; écrivez %% pour un signe de pourcentage.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Preview: {text}</source>
        <translation>Aperçu : {text}</translation>
    </message>
    <message>
        <source>Up to {count} characters with the longest values</source>
        <translation>Jusqu’à {count} caractères avec les valeurs les plus longues</translation>
    </message>
</context>
<context>
    <name>ConnectFlow</name>
    <message>
        <source>Opening the QuickBooks consent page…</source>
        <translation>Ouverture de la page d’autorisation QuickBooks…</translation>
    </message>
    <message>
        <source>Approve the connection in your browser; qbconnector waits for its answer (up to %1 minutes).</source>
        <translation>Autorisez la connexion dans votre navigateur; qbconnector attend sa réponse (jusqu’à %1 minutes).</translation>
    </message>
    <message>
        <source>Approve the connection in your browser, then paste below the address it shows.</source>
        <translation>Autorisez la connexion dans votre navigateur, puis collez ci-dessous l’adresse qu’il affiche.</translation>
    </message>
    <message>
        <source>The connection to company %1 was kept; nothing changed.</source>
        <translation>La connexion à l’entreprise %1 est conservée; rien n’a changé.</translation>
    </message>
    <message>
        <source>Connecting to QuickBooks…</source>
        <translation>Connexion à QuickBooks…</translation>
    </message>
    <message>
        <source>Another QuickBooks company</source>
        <translation>Une autre entreprise QuickBooks</translation>
    </message>
    <message>
        <source>You approved company %2, but this profile is connected to company %1. The ledger of pushed documents belongs to company %1: documents already pushed there would be pushed again to company %2.

Switch to company %2?</source>
        <translation>Vous avez autorisé l’entreprise %2, mais ce profil est connecté à l’entreprise %1. Le registre des documents envoyés appartient à l’entreprise %1 : les documents déjà envoyés là seraient envoyés de nouveau à l’entreprise %2.

Passer à l’entreprise %2?</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>bac à sable</translation>
    </message>
    <message>
        <source>production</source>
        <translation>production</translation>
    </message>
    <message>
        <source>custom addresses</source>
        <translation>adresses personnalisées</translation>
    </message>
    <message>
        <source>company %1</source>
        <translation>entreprise %1</translation>
    </message>
    <message>
        <source>Connected to %1 (realm ID %2, %3).</source>
        <translation>Connecté à %1 (Realm ID %2, %3).</translation>
    </message>
    <message>
        <source>Connection cancelled; nothing changed.</source>
        <translation>Connexion annulée; rien n’a changé.</translation>
    </message>
    <message>
        <source>Disconnecting…</source>
        <translation>Déconnexion…</translation>
    </message>
    <message>
        <source>Disconnected: QuickBooks revoked the access and the tokens were removed.</source>
        <translation>Déconnecté : QuickBooks a révoqué l’accès et les jetons ont été supprimés.</translation>
    </message>
    <message>
        <source>Disconnected here: the tokens were removed, but the revoke could not be sent to QuickBooks (offline?). Remove the app in QuickBooks under Settings &gt; Apps if it should lose access now.</source>
        <translation>Déconnecté ici : les jetons ont été supprimés, mais la révocation n’a pas pu être envoyée à QuickBooks (hors ligne?). Retirez l’application dans QuickBooks sous Paramètres &gt; Applications si elle doit perdre l’accès maintenant.</translation>
    </message>
</context>
<context>
    <name>ConnectPanel</name>
    <message>
        <source>Connect to &amp;QuickBooks</source>
        <translation>Se connecter à &amp;QuickBooks</translation>
    </message>
    <message>
        <source>Dis&amp;connect</source>
        <translation>Se dé&amp;connecter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>https://… ?code=…&amp;state=…&amp;realmId=…</source>
        <translation>https://… ?code=…&amp;state=…&amp;realmId=…</translation>
    </message>
    <message>
        <source>Address shown after approving</source>
        <translation>Adresse affichée après l’autorisation</translation>
    </message>
    <message>
        <source>&amp;Use this address</source>
        <translation>&amp;Utiliser cette adresse</translation>
    </message>
    <message>
        <source>After approving, paste here the whole address the browser shows (your app&apos;s redirect page or Intuit&apos;s OAuth Playground):</source>
        <translation>Après l’autorisation, collez ici l’adresse complète affichée par le navigateur (la page de redirection de votre application ou l’OAuth Playground d’Intuit) :</translation>
    </message>
    <message>
        <source>Re&amp;connect to QuickBooks</source>
        <translation>Se re&amp;connecter à QuickBooks</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Open in QuickBooks</source>
        <translation>Ouvrir dans QuickBooks</translation>
    </message>
    <message>
        <source>Available once the document is in QuickBooks, for the sandbox and production companies.</source>
        <translation>Offert une fois le document dans QuickBooks, pour les entreprises de bac à sable et de production.</translation>
    </message>
    <message>
        <source>QuickBooks state:</source>
        <translation>État QuickBooks :</translation>
    </message>
    <message>
        <source>In QuickBooks now:</source>
        <translation>Dans QuickBooks maintenant :</translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation>Solde :</translation>
    </message>
    <message>
        <source>QuickBooks Id:</source>
        <translation>Id QuickBooks :</translation>
    </message>
    <message>
        <source>QuickBooks number:</source>
        <translation>Numéro QuickBooks :</translation>
    </message>
    <message>
        <source>FlowFit total (tax):</source>
        <translation>Total FlowFit (taxes) :</translation>
    </message>
    <message>
        <source>QuickBooks total (tax):</source>
        <translation>Total QuickBooks (taxes) :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Difference:</source>
        <translation>Écart :</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Tentatives :</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Erreur :</translation>
    </message>
    <message>
        <source>Payments in QuickBooks</source>
        <translation>Paiements dans QuickBooks</translation>
    </message>
    <message>
        <source>No payment received (as of the last pull).</source>
        <translation>Aucun paiement reçu (à la dernière lecture de QuickBooks).</translation>
    </message>
    <message>
        <source>Edited in QuickBooks since our push</source>
        <translation>Modifié dans QuickBooks depuis notre envoi</translation>
    </message>
    <message>
        <source>Nothing was sent: the document is not in the list of FlowFit documents.</source>
        <translation>Rien n’a été envoyé : le document n’est pas dans la liste des documents FlowFit.</translation>
    </message>
    <message>
        <source>What was sent to QuickBooks:</source>
        <translation>Ce qui a été envoyé à QuickBooks :</translation>
    </message>
    <message>
        <source>What would be sent now (not yet in QuickBooks as shown):</source>
        <translation>Ce qui serait envoyé maintenant (pas encore ainsi dans QuickBooks) :</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>QuickBooks Id</source>
        <translation>Id QuickBooks</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>DetailsPulled</name>
    <message>
        <source>paid</source>
        <translation>payée</translation>
    </message>
    <message>
        <source>partially paid</source>
        <translation>partiellement payée</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>impayée</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>converted to invoice</source>
        <translation>converti en facture</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>edited in QuickBooks</source>
        <translation>modifié dans QuickBooks</translation>
    </message>
    <message>
        <source>deleted or voided in QuickBooks</source>
        <translation>supprimé ou annulé dans QuickBooks</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>What we sent</source>
        <translation>Ce que nous avons envoyé</translation>
    </message>
    <message>
        <source>What QuickBooks has</source>
        <translation>Ce que QuickBooks contient</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Client invoices</source>
        <translation>Factures client</translation>
    </message>
    <message>
        <source>Client quotes</source>
        <translation>Soumissions client</translation>
    </message>
    <message>
        <source>Automatic sync. approved invoice</source>
        <translation>Synchro. automatique des factures approuvées</translation>
    </message>
    <message>
        <source>Automatic sync. approved quote</source>
        <translation>Synchro. automatique des soumissions approuvées</translation>
    </message>
    <message>
        <source>To the right, approved invoices are pushed to QuickBooks automatically. To the left, push them from Finance &gt; Invoices with Synchronize.</source>
        <translation>À droite, les factures approuvées sont envoyées à QuickBooks automatiquement. À gauche, envoyez-les depuis Finances &gt; Factures avec Synchroniser.</translation>
    </message>
    <message>
        <source>To the right, approved quotes are pushed to QuickBooks (as estimates) automatically. To the left, push them from Finance &gt; Quotes with Synchronize.</source>
        <translation>À droite, les soumissions approuvées sont envoyées à QuickBooks (comme devis) automatiquement. À gauche, envoyez-les depuis Finances &gt; Soumissions avec Synchroniser.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>QuickBooks no longer accepts the saved refresh token. Press Reconnect to QuickBooks in Parameters &gt; Quickbooks server (or paste new tokens there).</source>
        <translation>QuickBooks n’accepte plus le jeton d’actualisation enregistré. Appuyez sur Se reconnecter à QuickBooks dans Paramètres &gt; Serveur Quickbooks (ou collez-y de nouveaux jetons).</translation>
    </message>
    <message>
        <source>QuickBooks refused the client ID or client secret; copy them again.</source>
        <translation>QuickBooks a refusé l&apos;ID client ou le secret client; copiez-les de nouveau.</translation>
    </message>
    <message>
        <source>QuickBooks refused the access: check the Realm ID and the environment, then the tokens.</source>
        <translation>QuickBooks a refusé l&apos;accès : vérifiez l&apos;ID de domaine et l&apos;environnement, puis les jetons.</translation>
    </message>
    <message>
        <source>QuickBooks could not be reached. Check the internet connection and retry.</source>
        <translation>QuickBooks est injoignable. Vérifiez la connexion Internet et réessayez.</translation>
    </message>
    <message>
        <source>QuickBooks asked us to slow down; retry in a minute.</source>
        <translation>QuickBooks demande de ralentir; réessayez dans une minute.</translation>
    </message>
    <message>
        <source>QuickBooks had a problem on its side; retry in a few minutes.</source>
        <translation>QuickBooks a eu un problème de son côté; réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Une erreur est survenue.</translation>
    </message>
    <message>
        <source>Something went wrong (%1); the details are in the log file.</source>
        <translation>Une erreur est survenue (%1); les détails sont dans le journal.</translation>
    </message>
</context>
<context>
    <name>FinancePage</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Send the checked documents to QuickBooks.</source>
        <translation>Envoyer les documents cochés à QuickBooks.</translation>
    </message>
    <message>
        <source>Read back payments, estimate states, edits and deletions from QuickBooks.</source>
        <translation>Relire depuis QuickBooks les paiements, l’état des soumissions, les modifications et les suppressions.</translation>
    </message>
    <message>
        <source>The connector is disabled: turn it on in Parameters &gt; Quickbooks server.</source>
        <translation>Le connecteur est désactivé : activez-le dans Paramètres &gt; Serveur Quickbooks.</translation>
    </message>
    <message>
        <source>A synchronization is running.</source>
        <translation>Une synchronisation est en cours.</translation>
    </message>
    <message>
        <source>Automatic sync is running; try again in a moment.</source>
        <translation>La synchronisation automatique est en cours; réessayez dans un moment.</translation>
    </message>
    <message>
        <source>Reading back from QuickBooks; try again in a moment.</source>
        <translation>Lecture depuis QuickBooks en cours ; réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Check the documents to send first.</source>
        <translation>Cochez d’abord les documents à envoyer.</translation>
    </message>
    <message>
        <source>Show details…</source>
        <translation>Afficher les détails…</translation>
    </message>
</context>
<context>
    <name>FinanceTableModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>FlowFit status</source>
        <translation>Statut FlowFit</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchro</translation>
    </message>
    <message>
        <source>In QuickBooks</source>
        <translation>Dans QuickBooks</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>QuickBooks no.</source>
        <translation>No QuickBooks</translation>
    </message>
    <message>
        <source>QuickBooks total</source>
        <translation>Total QuickBooks</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchro</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>QuickBooks total {quickbooks}, FlowFit total {flowfit}: a difference of {difference}.</source>
        <translation>Total QuickBooks {quickbooks}, total FlowFit {flowfit} : un écart de {difference}.</translation>
    </message>
</context>
<context>
    <name>FinanceTexts</name>
    <message>
        <source>not synced</source>
        <translation>non synchronisé</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <source>changed since sync</source>
        <translation>modifié depuis la synchro</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>incertain</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>totals differ</source>
        <translation>totaux différents</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>payée</translation>
    </message>
    <message>
        <source>partially paid</source>
        <translation>payée en partie</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>impayée</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>acceptée</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>refusée</translation>
    </message>
    <message>
        <source>converted to invoice</source>
        <translation>convertie en facture</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>edited in QuickBooks</source>
        <translation>modifiée dans QuickBooks</translation>
    </message>
    <message>
        <source>deleted in QuickBooks</source>
        <translation>supprimée dans QuickBooks</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Soumissions</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>facture</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>soumission</translation>
    </message>
</context>
<context>
    <name>FinanceToolbar</name>
    <message>
        <source>Search number, client or project (Ctrl+F)</source>
        <translation>Chercher un numéro, un client ou un projet (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Any FlowFit status</source>
        <translation>Tout statut FlowFit</translation>
    </message>
    <message>
        <source>FlowFit status</source>
        <translation>Statut FlowFit</translation>
    </message>
    <message>
        <source>Any sync state</source>
        <translation>Tout état de synchro</translation>
    </message>
    <message>
        <source>In QuickBooks: any</source>
        <translation>Dans QuickBooks : tout</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>État de synchro</translation>
    </message>
    <message>
        <source>In QuickBooks</source>
        <translation>Dans QuickBooks</translation>
    </message>
    <message>
        <source>What became of the documents in QuickBooks, as the last refresh read it. &quot;unpaid&quot; also shows partially paid and overdue invoices.</source>
        <translation>Ce que sont devenus les documents dans QuickBooks, d’après la dernière actualisation. « impayée » montre aussi les factures payées en partie et en retard.</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Tout cocher</translation>
    </message>
    <message>
        <source>Select all visible</source>
        <translation>Cocher les visibles</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>Tout décocher</translation>
    </message>
    <message>
        <source>Synchronize</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Refresh from QuickBooks</source>
        <translation>Actualiser depuis QuickBooks</translation>
    </message>
    <message>
        <source>%1 selected · %2 of %3 shown</source>
        <translation>%1 coché(s) · %2 sur %3 affiché(s)</translation>
    </message>
</context>
<context>
    <name>FlowFitTab</name>
    <message>
        <source>The FlowFit/Quickbooks API URL is filled in or provided by Consoltec. Leave it empty to use the documents imported into this computer&apos;s store.</source>
        <translation>L&apos;URL de l&apos;API FlowFit/Quickbooks est inscrite ou fournie par Consoltec. Laissez-la vide pour utiliser les documents importés sur cet ordinateur.</translation>
    </message>
    <message>
        <source>FlowFit/Quickbooks &amp;API URL</source>
        <translation>URL de l&apos;&amp;API FlowFit/Quickbooks</translation>
    </message>
    <message>
        <source>FlowFit/Quickbooks</source>
        <translation>FlowFit/Quickbooks</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tokens stored unencrypted</source>
        <translation>Jetons stockés sans chiffrement</translation>
    </message>
    <message>
        <source>No system keyring is available, so the QuickBooks tokens are stored unencrypted in %1 (readable only by your user account).</source>
        <translation>Aucun trousseau système n&apos;est disponible : les jetons QuickBooks sont stockés sans chiffrement dans %1 (lisible seulement par votre compte utilisateur).</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>Finances</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Connecteurs</translation>
    </message>
    <message>
        <source>qbconnector — FlowFit to QuickBooks Online</source>
        <translation>qbconnector — FlowFit vers QuickBooks Online</translation>
    </message>
    <message>
        <source>Connector disabled</source>
        <translation>Connecteur désactivé</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Connecté : %1</translation>
    </message>
    <message>
        <source>Connection not tested yet</source>
        <translation>Connexion pas encore testée</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DÉMO</translation>
    </message>
    <message>
        <source>SANDBOX</source>
        <translation>BAC À SABLE</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>PRODUCTION</translation>
    </message>
    <message>
        <source>CUSTOM</source>
        <translation>PERSONNALISÉ</translation>
    </message>
    <message>
        <source>company %1</source>
        <translation>entreprise %1</translation>
    </message>
    <message>
        <source>no QuickBooks company configured</source>
        <translation>aucune entreprise QuickBooks configurée</translation>
    </message>
    <message>
        <source>Refresh token valid until %1</source>
        <translation>Jeton d&apos;actualisation valide jusqu&apos;au %1</translation>
    </message>
    <message>
        <source>The refresh token can no longer be renewed after %1: reconnect to QuickBooks before then.</source>
        <translation>Le jeton d’actualisation ne pourra plus être renouvelé après le %1 : reconnectez-vous à QuickBooks d’ici là.</translation>
    </message>
    <message>
        <source>Reconnect to QuickBooks before %1</source>
        <translation>Se reconnecter à QuickBooks avant le %1</translation>
    </message>
    <message>
        <source>QuickBooks not connected</source>
        <translation>QuickBooks non connecté</translation>
    </message>
    <message>
        <source>Enter your app&apos;s client ID and client secret (developer.intuit.com &gt; your app &gt; Keys &amp; credentials) and its redirect URI, then press Connect to QuickBooks.</source>
        <translation>Entrez l&apos;ID client et le secret client de votre application (developer.intuit.com &gt; votre application &gt; Keys &amp; credentials) et son URI de redirection, puis appuyez sur Se connecter à QuickBooks.</translation>
    </message>
    <message>
        <source>Some files of the profile could not be used:</source>
        <translation>Certains fichiers du profil n&apos;ont pas pu être utilisés :</translation>
    </message>
    <message>
        <source>Unsaved parameters</source>
        <translation>Paramètres non enregistrés</translation>
    </message>
    <message>
        <source>Some parameters were changed but not saved.</source>
        <translation>Des paramètres ont été modifiés mais pas enregistrés.</translation>
    </message>
</context>
<context>
    <name>ParametersPage</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Annuler les modifications</translation>
    </message>
    <message>
        <source>&amp;Save (1 field needs attention)</source>
        <translation>&amp;Enregistrer (1 champ à corriger)</translation>
    </message>
    <message>
        <source>&amp;Save (%1 fields need attention)</source>
        <translation>&amp;Enregistrer (%1 champs à corriger)</translation>
    </message>
    <message>
        <source>Correct the fields marked in red, then test again.</source>
        <translation>Corrigez les champs en rouge, puis testez de nouveau.</translation>
    </message>
    <message>
        <source>Connecting to QuickBooks…</source>
        <translation>Connexion à QuickBooks…</translation>
    </message>
    <message>
        <source>Correct the fields marked in red, then connect again.</source>
        <translation>Corrigez les champs en rouge, puis connectez-vous de nouveau.</translation>
    </message>
    <message>
        <source>Connected to %1 (%2).</source>
        <translation>Connecté à %1 (%2).</translation>
    </message>
    <message>
        <source>The refresh token expires for good on %1.</source>
        <translation>Le jeton d&apos;actualisation expire définitivement le %1.</translation>
    </message>
    <message>
        <source>Correct the fields marked in red, then refresh again.</source>
        <translation>Corrigez les champs en rouge, puis actualisez de nouveau.</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <source>Do not send</source>
        <translation>Ne pas envoyer</translation>
    </message>
    <message>
        <source>Send the others</source>
        <translation>Envoyer les autres</translation>
    </message>
    <message>
        <source>%1 of the selected documents cannot be sent to QuickBooks:</source>
        <translation>%1 des documents cochés ne peuvent pas être envoyés à QuickBooks :</translation>
    </message>
    <message>
        <source>… and %1 more (see the Error column).</source>
        <translation>… et %1 de plus (voir la colonne Erreur).</translation>
    </message>
    <message>
        <source>Send the other %1</source>
        <translation>Envoyer les %1 autres</translation>
    </message>
</context>
<context>
    <name>PullPresenter</name>
    <message>
        <source>The last refresh was more than 30 days ago: QuickBooks keeps 30 days of changes, so older ones could not be read.</source>
        <translation>La dernière actualisation date de plus de 30 jours : QuickBooks garde 30 jours de changements, les plus anciens n’ont donc pas pu être lus.</translation>
    </message>
    <message>
        <source>Refresh from QuickBooks failed: %1</source>
        <translation>L’actualisation depuis QuickBooks a échoué : %1</translation>
    </message>
    <message>
        <source>Nothing changed in QuickBooks since the last refresh.</source>
        <translation>Rien n’a changé dans QuickBooks depuis la dernière actualisation.</translation>
    </message>
    <message>
        <source>1 document changed in QuickBooks.</source>
        <translation>1 document a changé dans QuickBooks.</translation>
    </message>
    <message>
        <source>%1 documents changed in QuickBooks.</source>
        <translation>%1 documents ont changé dans QuickBooks.</translation>
    </message>
</context>
<context>
    <name>RunPresenter</name>
    <message>
        <source>Nothing was sent.</source>
        <translation>Rien n’a été envoyé.</translation>
    </message>
    <message>
        <source>The synchronization stopped: %1</source>
        <translation>La synchronisation s’est arrêtée : %1</translation>
    </message>
    <message>
        <source>QuickBooks no longer accepts the saved connection, so the synchronization stopped. Press Reconnect to QuickBooks (or paste new tokens and save); the Finance view comes back when the connection is made.</source>
        <translation>QuickBooks n’accepte plus la connexion enregistrée, la synchronisation s’est donc arrêtée. Appuyez sur Se reconnecter à QuickBooks (ou collez de nouveaux jetons et enregistrez); la vue Finances revient une fois la connexion faite.</translation>
    </message>
    <message>
        <source>reading back from QuickBooks failed: %1</source>
        <translation>la lecture depuis QuickBooks a échoué : %1</translation>
    </message>
    <message>
        <source>Automatic sync: off</source>
        <translation>Synchro automatique : désactivée</translation>
    </message>
    <message>
        <source>Automatic sync: on for %1, every %2 min</source>
        <translation>Synchro automatique : activée pour %1, aux %2 min</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>last run %1 failed: %2</source>
        <translation>dernière passe à %1 en échec : %2</translation>
    </message>
    <message>
        <source>last run %1: %2 pushed</source>
        <translation>dernière passe à %1 : %2 envoyé(s)</translation>
    </message>
</context>
<context>
    <name>SecretField</name>
    <message>
        <source>Hide the value</source>
        <translation>Masquer la valeur</translation>
    </message>
    <message>
        <source>Show the value</source>
        <translation>Afficher la valeur</translation>
    </message>
    <message>
        <source>Saved — type a new value to replace it</source>
        <translation>Enregistré — tapez une nouvelle valeur pour le remplacer</translation>
    </message>
    <message>
        <source>Not set — paste it here</source>
        <translation>Non défini — collez-le ici</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Push the Enabled button to the right to activate the connector.</source>
        <translation>Poussez le bouton Activé vers la droite pour activer le connecteur.</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>A&amp;ctivé</translation>
    </message>
    <message>
        <source>&amp;Realm ID</source>
        <translation>ID de &amp;domaine (Realm ID)</translation>
    </message>
    <message>
        <source>The Company ID: in QuickBooks, ⚙ &gt; Account and settings &gt; Billing &amp; subscription, digits only.</source>
        <translation>Le numéro d&apos;entreprise : dans QuickBooks, ⚙ &gt; Compte et paramètres &gt; Facturation et abonnement, chiffres seulement.</translation>
    </message>
    <message>
        <source>&amp;Access token</source>
        <translation>Jeton d&apos;a&amp;ccès</translation>
    </message>
    <message>
        <source>Re&amp;fresh token</source>
        <translation>Jeton d&apos;ac&amp;tualisation</translation>
    </message>
    <message>
        <source>E&amp;nvironment</source>
        <translation>E&amp;nvironnement</translation>
    </message>
    <message>
        <source>API &amp;base URL</source>
        <translation>URL de &amp;base de l&apos;API</translation>
    </message>
    <message>
        <source>&amp;Discovery URL</source>
        <translation>URL de &amp;découverte</translation>
    </message>
    <message>
        <source>&amp;Client ID</source>
        <translation>ID c&amp;lient</translation>
    </message>
    <message>
        <source>From your app&apos;s Keys &amp; credentials page at Intuit.</source>
        <translation>Sur la page Clés et identifiants de votre application chez Intuit.</translation>
    </message>
    <message>
        <source>Client &amp;secret</source>
        <translation>&amp;Secret client</translation>
    </message>
    <message>
        <source>Redirect &amp;URI</source>
        <translation>&amp;URI de redirection</translation>
    </message>
    <message>
        <source>One of your app&apos;s redirect URIs at Intuit. http://localhost:PORT/... (development keys): qbconnector receives the answer itself. Empty: Intuit&apos;s OAuth Playground; you paste back the address it shows.</source>
        <translation>Une des URI de redirection de votre application chez Intuit. http://localhost:PORT/... (clés de développement) : qbconnector reçoit la réponse lui-même. Vide : l’OAuth Playground d’Intuit; vous recollez l’adresse qu’il affiche.</translation>
    </message>
    <message>
        <source>Quickbooks server</source>
        <translation>Serveur Quickbooks</translation>
    </message>
    <message>
        <source>Sandbox (test company)</source>
        <translation>Bac à sable (entreprise de test)</translation>
    </message>
    <message>
        <source>Production (real books)</source>
        <translation>Production (vraie comptabilité)</translation>
    </message>
    <message>
        <source>Custom addresses</source>
        <translation>Adresses personnalisées</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>QuickBooks services</source>
        <translation>Services QuickBooks</translation>
    </message>
    <message>
        <source>Select the relevant service: document lines are posted to it.</source>
        <translation>Sélectionnez le service pertinent : les lignes des documents y sont inscrites.</translation>
    </message>
    <message>
        <source>Itemized mode: FlowFit service → QuickBooks item</source>
        <translation>Mode détaillé : service FlowFit → article QuickBooks</translation>
    </message>
    <message>
        <source>Search services</source>
        <translation>Rechercher un service</translation>
    </message>
    <message>
        <source>&amp;Refresh from QuickBooks</source>
        <translation>&amp;Actualiser depuis QuickBooks</translation>
    </message>
    <message>
        <source>Quickbooks services</source>
        <translation>Services Quickbooks</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>1 service</source>
        <translation>1 service</translation>
    </message>
    <message>
        <source>%1 services</source>
        <translation>%1 services</translation>
    </message>
    <message>
        <source>Selected service: %1 (#%2)</source>
        <translation>Service sélectionné : %1 (nº %2)</translation>
    </message>
    <message>
        <source>No service selected yet.</source>
        <translation>Aucun service sélectionné pour l&apos;instant.</translation>
    </message>
    <message>
        <source>No FlowFit services seen in the documents.</source>
        <translation>Aucun service FlowFit dans les documents.</translation>
    </message>
    <message>
        <source>QuickBooks item for %1</source>
        <translation>Article QuickBooks pour %1</translation>
    </message>
    <message>
        <source>(the selected service)</source>
        <translation>(le service sélectionné)</translation>
    </message>
    <message>
        <source>Item #%1 (not loaded)</source>
        <translation>Article nº %1 (non chargé)</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <source>Retry failed</source>
        <translation>Réessayer les échecs</translation>
    </message>
    <message>
        <source>Push anyway…</source>
        <translation>Envoyer quand même…</translation>
    </message>
    <message>
        <source>Overwrite in QuickBooks the documents held because they were edited, paid or deleted there</source>
        <translation>Écraser dans QuickBooks les documents retenus parce qu’ils y ont été modifiés, payés ou supprimés</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>%1 synced · %2 failed · %3 blocked</source>
        <translation>%1 synchronisé(s) · %2 en échec · %3 bloqué(s)</translation>
    </message>
    <message>
        <source>· %1 held (changed in QuickBooks)</source>
        <translation>· %1 retenu(s) (modifiés dans QuickBooks)</translation>
    </message>
    <message>
        <source>Stopped after %1 of %2.</source>
        <translation>Arrêté après %1 sur %2.</translation>
    </message>
    <message>
        <source>… and %1 more (see the Error column).</source>
        <translation>… et %1 de plus (voir la colonne Erreur).</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>&apos;{currency}&apos; is not an ISO currency code (such as CAD or USD). Correct it in FlowFit.</source>
        <translation>« {currency} » n&apos;est pas un code de devise ISO (comme CAD ou USD). Corrigez-le dans FlowFit.</translation>
    </message>
    <message>
        <source>Cannot listen on {uri}: another program uses that port, or it is not on this computer. Choose another port in the redirect URI (and register it at Intuit).</source>
        <translation>Impossible d’écouter sur {uri} : un autre programme utilise ce port, ou l’adresse n’est pas sur cet ordinateur. Choisissez un autre port dans l’URI de redirection (et enregistrez-le chez Intuit).</translation>
    </message>
    <message>
        <source>Conflict: the document was changed in QuickBooks at the same time; synchronize again to push the FlowFit version.</source>
        <translation>Conflit : le document a été modifié dans QuickBooks au même moment; synchronisez de nouveau pour envoyer la version FlowFit.</translation>
    </message>
    <message>
        <source>Connection cancelled; nothing changed.</source>
        <translation>Connexion annulée; rien n’a changé.</translation>
    </message>
    <message>
        <source>Enter the app&apos;s client ID and client secret (from the app&apos;s Keys &amp; credentials page at developer.intuit.com) before connecting.</source>
        <translation>Entrez l’ID client et le secret client de l’application (page Keys &amp; credentials de l’application sur developer.intuit.com) avant de vous connecter.</translation>
    </message>
    <message>
        <source>FlowFit client {code} has no name; give it one in FlowFit.</source>
        <translation>Le client FlowFit {code} n&apos;a pas de nom; donnez-lui-en un dans FlowFit.</translation>
    </message>
    <message>
        <source>Invoice {number} was deleted or voided in QuickBooks; it is not created again on its own. Push anyway to create it anew in QuickBooks, or leave it.</source>
        <translation>La facture {number} a été supprimée ou annulée dans QuickBooks; elle n’est pas recréée d’elle-même. Choisissez Envoyer quand même pour la créer de nouveau dans QuickBooks, ou laissez-la ainsi.</translation>
    </message>
    <message>
        <source>Invoice {number} was edited in QuickBooks since it was pushed; the change made in FlowFit was not pushed so that the edit is not lost. Push anyway to overwrite it with the FlowFit version, or leave it.</source>
        <translation>La facture {number} a été modifiée dans QuickBooks depuis son envoi; la modification faite dans FlowFit n’a pas été envoyée pour ne pas perdre celle de QuickBooks. Choisissez Envoyer quand même pour la remplacer par la version de FlowFit, ou laissez-la ainsi.</translation>
    </message>
    <message>
        <source>Invoice {number} was paid in QuickBooks (balance {balance} of {total}); the change made in FlowFit was not pushed so that the payment is not undone. Push anyway to overwrite it, or leave it.</source>
        <translation>La facture {number} a été payée dans QuickBooks (solde {balance} sur {total}); la modification faite dans FlowFit n’a pas été envoyée pour ne pas défaire le paiement. Choisissez Envoyer quand même pour la remplacer, ou laissez-la ainsi.</translation>
    </message>
    <message>
        <source>Invoice {number} was partially paid in QuickBooks (balance {balance} of {total}); the change made in FlowFit was not pushed so that the payment is not undone. Push anyway to overwrite it, or leave it.</source>
        <translation>La facture {number} a été payée en partie dans QuickBooks (solde {balance} sur {total}); la modification faite dans FlowFit n’a pas été envoyée pour ne pas défaire le paiement. Choisissez Envoyer quand même pour la remplacer, ou laissez-la ainsi.</translation>
    </message>
    <message>
        <source>Line {line}&apos;s description is {length} characters long; QuickBooks accepts at most {limit}. Shorten it in FlowFit.</source>
        <translation>La description de la ligne {line} compte {length} caractères; QuickBooks en accepte au plus {limit}. Raccourcissez-la dans FlowFit.</translation>
    </message>
    <message>
        <source>No QuickBooks service is selected: choose one in Parameters &gt; Quickbooks services.</source>
        <translation>Aucun service QuickBooks n&apos;est sélectionné : choisissez-en un dans Paramètres &gt; Services Quickbooks.</translation>
    </message>
    <message>
        <source>No answer came from the browser within {seconds} seconds; nothing changed. Press Connect to QuickBooks again.</source>
        <translation>Aucune réponse du navigateur en {seconds} secondes; rien n’a changé. Appuyez de nouveau sur Se connecter à QuickBooks.</translation>
    </message>
    <message>
        <source>Not found in QuickBooks after an interrupted attempt; it is sent again.</source>
        <translation>Introuvable dans QuickBooks après une tentative interrompue; il est envoyé de nouveau.</translation>
    </message>
    <message>
        <source>QuickBooks already has an estimate numbered {number} (Id {qbo_id}) that was not pushed for this FlowFit quote. Renumber or delete that estimate in QuickBooks, then synchronize again.</source>
        <translation>QuickBooks a déjà un devis numéroté {number} (ID {qbo_id}) qui n&apos;a pas été envoyé pour cette soumission FlowFit. Renumérotez ou supprimez ce devis dans QuickBooks, puis synchronisez de nouveau.</translation>
    </message>
    <message>
        <source>QuickBooks already has an invoice numbered {number} (Id {qbo_id}) that was not pushed for this FlowFit invoice. Renumber or delete that invoice in QuickBooks, then synchronize again.</source>
        <translation>QuickBooks a déjà une facture numérotée {number} (ID {qbo_id}) qui n&apos;a pas été envoyée pour cette facture FlowFit. Renumérotez ou supprimez cette facture dans QuickBooks, puis synchronisez de nouveau.</translation>
    </message>
    <message>
        <source>QuickBooks already uses the name &apos;{name}&apos; for a vendor or an employee (or an inactive customer), and they all share one list of names. In QuickBooks, rename that vendor or employee or make the customer active again, or rename the client in FlowFit; then synchronize again.</source>
        <translation>QuickBooks utilise déjà le nom « {name} » pour un fournisseur ou un employé (ou un client inactif), et ils partagent tous une même liste de noms. Dans QuickBooks, renommez ce fournisseur ou cet employé ou réactivez le client, ou renommez le client dans FlowFit; puis synchronisez de nouveau.</translation>
    </message>
    <message>
        <source>QuickBooks did not answer for this customer; synchronize again.</source>
        <translation>QuickBooks n&apos;a pas répondu pour ce client; synchronisez de nouveau.</translation>
    </message>
    <message>
        <source>QuickBooks did not authorize the connection ({error}); nothing changed.</source>
        <translation>QuickBooks n’a pas autorisé la connexion ({error}); rien n’a changé.</translation>
    </message>
    <message>
        <source>QuickBooks did not confirm the PDF&apos;s upload; the next synchronization checks it first (it is never attached twice).</source>
        <translation>QuickBooks n&apos;a pas confirmé l&apos;envoi du PDF ; la prochaine synchronisation le vérifie d&apos;abord (il n&apos;est jamais joint deux fois).</translation>
    </message>
    <message>
        <source>QuickBooks did not confirm the customer was created; synchronize again.</source>
        <translation>QuickBooks n&apos;a pas confirmé la création du client; synchronisez de nouveau.</translation>
    </message>
    <message>
        <source>QuickBooks did not confirm this document; the next synchronization checks it first (it is never created twice).</source>
        <translation>QuickBooks n&apos;a pas confirmé ce document; la prochaine synchronisation le vérifie d&apos;abord (il n&apos;est jamais créé deux fois).</translation>
    </message>
    <message>
        <source>QuickBooks gave an unexpected answer for this customer; synchronize again.</source>
        <translation>QuickBooks a donné une réponse inattendue pour ce client; synchronisez de nouveau.</translation>
    </message>
    <message>
        <source>QuickBooks needs a tax code on lines without tax (such as Exempt, Zero-rated or Out of Scope): choose the code for untaxed lines in Parameters &gt; Taxes.</source>
        <translation>QuickBooks exige un code de taxe sur les lignes sans taxes (comme Exonéré, Détaxé ou Hors champ) : choisissez le code des lignes non taxables dans Paramètres &gt; Taxes.</translation>
    </message>
    <message>
        <source>QuickBooks refused it: {error}</source>
        <translation>QuickBooks l&apos;a refusé : {error}</translation>
    </message>
    <message>
        <source>QuickBooks refused the PDF {file}: {error}</source>
        <translation>QuickBooks a refusé le PDF {file} : {error}</translation>
    </message>
    <message>
        <source>QuickBooks refused the authorization code: it was already used or has expired (codes last 10 minutes); nothing changed. Press Connect to QuickBooks again.</source>
        <translation>QuickBooks a refusé le code d’autorisation : il a déjà servi ou il est expiré (un code dure 10 minutes); rien n’a changé. Appuyez de nouveau sur Se connecter à QuickBooks.</translation>
    </message>
    <message>
        <source>QuickBooks refused the customer: {error}</source>
        <translation>QuickBooks a refusé le client : {error}</translation>
    </message>
    <message>
        <source>The FlowFit tax {tax} ({name}) has no QuickBooks tax code: map it in Parameters &gt; Taxes.</source>
        <translation>La taxe FlowFit {tax} ({name}) n&apos;a pas de code de taxe QuickBooks : associez-la dans Paramètres &gt; Taxes.</translation>
    </message>
    <message>
        <source>The FlowFit tax {tax} ({rates}) is mapped to {code} ({code_rates}): the rates differ. Map it to a code with the same rates in Parameters &gt; Taxes.</source>
        <translation>La taxe FlowFit {tax} ({rates}) est associée à {code} ({code_rates}) : les taux diffèrent. Associez-la à un code aux mêmes taux dans Paramètres &gt; Taxes.</translation>
    </message>
    <message>
        <source>The FlowFit tax {tax} is mapped to the QuickBooks tax code {code}, which is inactive or no longer exists: map it to another code in Parameters &gt; Taxes.</source>
        <translation>La taxe FlowFit {tax} est associée au code de taxe QuickBooks {code}, inactif ou supprimé : associez-la à un autre code dans Paramètres &gt; Taxes.</translation>
    </message>
    <message>
        <source>The PDF was not found in QuickBooks after an interrupted upload; it is uploaded again.</source>
        <translation>Le PDF est introuvable dans QuickBooks après un envoi interrompu ; il est envoyé de nouveau.</translation>
    </message>
    <message>
        <source>The PDF {file} arrived corrupt in QuickBooks (Attachable {id}: its download has SHA-256 {got}, the file {sha256}); it is uploaded again at the next synchronization. Delete the corrupt attachment in QuickBooks.</source>
        <translation>Le PDF {file} est arrivé corrompu dans QuickBooks (pièce jointe {id} : son téléchargement a le SHA-256 {got}, le fichier {sha256}) ; il est envoyé de nouveau à la prochaine synchronisation. Supprimez la pièce jointe corrompue dans QuickBooks.</translation>
    </message>
    <message>
        <source>The PDF {path} cannot be read ({reason}): check its permissions.</source>
        <translation>Le PDF {path} ne peut pas être lu ({reason}) : vérifiez ses autorisations.</translation>
    </message>
    <message>
        <source>The PDF {path} changed since the document was imported: import the document again so that the new version goes along.</source>
        <translation>Le PDF {path} a changé depuis l&apos;importation du document : importez de nouveau le document pour que la nouvelle version soit jointe.</translation>
    </message>
    <message>
        <source>The PDF {path} does not exist: put it back, or give the path of the PDF as it is now and import the document again.</source>
        <translation>Le PDF {path} n&apos;existe pas : remettez-le en place, ou indiquez le chemin actuel du PDF et importez de nouveau le document.</translation>
    </message>
    <message>
        <source>The PDF {path} is empty: give the document&apos;s real PDF.</source>
        <translation>Le PDF {path} est vide : fournissez le vrai PDF du document.</translation>
    </message>
    <message>
        <source>The PDF {path} is {size} MB; QuickBooks takes attachments of at most {limit} MB. Make it smaller (print it again with compressed images) and import it again.</source>
        <translation>Le PDF {path} fait {size} Mo ; QuickBooks accepte des pièces jointes d&apos;au plus {limit} Mo. Réduisez-le (imprimez-le de nouveau avec des images compressées) et importez-le de nouveau.</translation>
    </message>
    <message>
        <source>The QuickBooks company works only in {home} and this document is in {currency}. Turn on multicurrency in QuickBooks (Account and settings &gt; Advanced &gt; Currency), or issue the document in {home}.</source>
        <translation>L&apos;entreprise QuickBooks travaille seulement en {home} et ce document est en {currency}. Activez le multidevise dans QuickBooks (Compte et paramètres &gt; Avancé &gt; Devise), ou émettez le document en {home}.</translation>
    </message>
    <message>
        <source>The QuickBooks customer &apos;{name}&apos; is inactive. Make it active again in QuickBooks (Sales &gt; Customers, filter Inactive, Make active), then synchronize again.</source>
        <translation>Le client QuickBooks « {name} » est inactif. Réactivez-le dans QuickBooks (Ventes &gt; Clients, filtre Inactif, Rendre actif), puis synchronisez de nouveau.</translation>
    </message>
    <message>
        <source>The QuickBooks customer &apos;{name}&apos; works in {customer_currency}, but this document is in {document_currency}. QuickBooks cannot change a customer&apos;s currency: create a separate FlowFit client for that currency, or issue the document in {customer_currency}.</source>
        <translation>Le client QuickBooks « {name} » travaille en {customer_currency}, mais ce document est en {document_currency}. QuickBooks ne peut pas changer la devise d&apos;un client : créez un client FlowFit distinct pour cette devise, ou émettez le document en {customer_currency}.</translation>
    </message>
    <message>
        <source>The QuickBooks service {items} is inactive, deleted or not a service: choose another one in Parameters &gt; Quickbooks services.</source>
        <translation>Le service QuickBooks {items} est inactif, supprimé ou n&apos;est pas un service : choisissez-en un autre dans Paramètres &gt; Services Quickbooks.</translation>
    </message>
    <message>
        <source>The address has no authorization code and company ID; copy the whole address from the browser&apos;s address bar after approving the connection.</source>
        <translation>L’adresse ne contient pas de code d’autorisation et d’ID d’entreprise; copiez l’adresse complète dans la barre d’adresse du navigateur après avoir autorisé la connexion.</translation>
    </message>
    <message>
        <source>The answer does not belong to this connection attempt (its state differs); nothing changed. Press Connect to QuickBooks again.</source>
        <translation>La réponse n’appartient pas à cette tentative de connexion (son « state » diffère); rien n’a changé. Appuyez de nouveau sur Se connecter à QuickBooks.</translation>
    </message>
    <message>
        <source>The client name &apos;{name}&apos; contains a colon, which QuickBooks does not allow in customer names. Rename client {code} in FlowFit.</source>
        <translation>Le nom de client « {name} » contient un deux-points, que QuickBooks n&apos;accepte pas dans les noms de clients. Renommez le client {code} dans FlowFit.</translation>
    </message>
    <message>
        <source>The client name of {code} contains a tab or a line break, which QuickBooks does not allow in customer names. Rename it in FlowFit.</source>
        <translation>Le nom du client {code} contient une tabulation ou un saut de ligne, que QuickBooks n&apos;accepte pas dans les noms de clients. Renommez-le dans FlowFit.</translation>
    </message>
    <message>
        <source>The client name of {code} is {length} characters long; QuickBooks accepts at most {limit}. Shorten it in FlowFit.</source>
        <translation>Le nom du client {code} compte {length} caractères; QuickBooks en accepte au plus {limit}. Raccourcissez-le dans FlowFit.</translation>
    </message>
    <message>
        <source>The connection was declined on the QuickBooks consent page; nothing changed.</source>
        <translation>La connexion a été refusée sur la page d’autorisation QuickBooks; rien n’a changé.</translation>
    </message>
    <message>
        <source>The consent was given for company {new}, but this profile is connected to company {saved}, whose documents the ledger follows; nothing changed. Connect to company {saved}, or allow the switch (qbconnector connect --switch-company).</source>
        <translation>L’autorisation a été donnée pour l’entreprise {new}, mais ce profil est connecté à l’entreprise {saved}, dont le registre suit les documents; rien n’a changé. Connectez-vous à l’entreprise {saved}, ou permettez le changement (qbconnector connect --switch-company).</translation>
    </message>
    <message>
        <source>The description is {length} characters long; QuickBooks accepts at most {limit}. Shorten the naming convention.</source>
        <translation>La description compte {length} caractères; QuickBooks en accepte au plus {limit}. Raccourcissez la convention de nommage.</translation>
    </message>
    <message>
        <source>The estimate of quote {number} was accepted in QuickBooks; the change made in FlowFit was not pushed so that what the customer accepted does not change. Push anyway to overwrite it, or leave it.</source>
        <translation>Le devis de la soumission {number} a été accepté dans QuickBooks; la modification faite dans FlowFit n’a pas été envoyée pour que ce que le client a accepté ne change pas. Choisissez Envoyer quand même pour le remplacer, ou laissez-le ainsi.</translation>
    </message>
    <message>
        <source>The estimate of quote {number} was closed in QuickBooks; the change made in FlowFit was not pushed. Push anyway to overwrite it, or leave it.</source>
        <translation>Le devis de la soumission {number} a été fermé dans QuickBooks; la modification faite dans FlowFit n’a pas été envoyée. Choisissez Envoyer quand même pour le remplacer, ou laissez-le ainsi.</translation>
    </message>
    <message>
        <source>The estimate of quote {number} was deleted in QuickBooks; it is not created again on its own. Push anyway to create it anew in QuickBooks, or leave it.</source>
        <translation>Le devis de la soumission {number} a été supprimé dans QuickBooks; il n’est pas recréé de lui-même. Choisissez Envoyer quand même pour le créer de nouveau dans QuickBooks, ou laissez-le ainsi.</translation>
    </message>
    <message>
        <source>The estimate of quote {number} was edited in QuickBooks since it was pushed; the change made in FlowFit was not pushed so that the edit is not lost. Push anyway to overwrite it with the FlowFit version, or leave it.</source>
        <translation>Le devis de la soumission {number} a été modifié dans QuickBooks depuis son envoi; la modification faite dans FlowFit n’a pas été envoyée pour ne pas perdre celle de QuickBooks. Choisissez Envoyer quand même pour le remplacer par la version de FlowFit, ou laissez-le ainsi.</translation>
    </message>
    <message>
        <source>The estimate of quote {number} was rejected in QuickBooks; the change made in FlowFit was not pushed. Push anyway to send the revised quote, or leave it.</source>
        <translation>Le devis de la soumission {number} a été refusé dans QuickBooks; la modification faite dans FlowFit n’a pas été envoyée. Choisissez Envoyer quand même pour envoyer la soumission révisée, ou laissez-le ainsi.</translation>
    </message>
    <message>
        <source>The estimate of quote {number} was turned into an invoice in QuickBooks; the change made in FlowFit was not pushed (that invoice would not follow it). Push anyway to overwrite the estimate, or leave it.</source>
        <translation>Le devis de la soumission {number} a été transformé en facture dans QuickBooks; la modification faite dans FlowFit n’a pas été envoyée (cette facture ne la suivrait pas). Choisissez Envoyer quand même pour remplacer le devis, ou laissez-le ainsi.</translation>
    </message>
    <message>
        <source>The invoice has no lines; QuickBooks needs at least one.</source>
        <translation>La facture n&apos;a aucune ligne; QuickBooks en exige au moins une.</translation>
    </message>
    <message>
        <source>The invoice is {status}, not approved; only approved documents are pushed.</source>
        <translation>La facture est à l&apos;état {status}, pas approuvée; seuls les documents approuvés sont envoyés.</translation>
    </message>
    <message>
        <source>The last pull read changes up to {cursor}, more than 30 days ago; QuickBooks keeps 30 days of changes, so the older ones were found by searching the invoices, estimates and payments changed since. A deletion older than 30 days cannot be found that way: such a document keeps its last state. Pull at least once a month (automatic sync does) to miss nothing.</source>
        <translation>La dernière lecture de QuickBooks allait jusqu’au {cursor}, il y a plus de 30 jours; QuickBooks ne garde que 30 jours de modifications, les plus anciennes ont donc été trouvées en cherchant les factures, soumissions et paiements modifiés depuis. Une suppression de plus de 30 jours ne peut pas être trouvée ainsi : le document garde son dernier état. Lisez QuickBooks au moins une fois par mois (la synchronisation automatique le fait) pour ne rien manquer.</translation>
    </message>
    <message>
        <source>The number &apos;{number}&apos; has {length} characters; QuickBooks accepts at most {limit}.</source>
        <translation>Le numéro « {number} » compte {length} caractères; QuickBooks en accepte au plus {limit}.</translation>
    </message>
    <message>
        <source>The quote has no lines; QuickBooks needs at least one.</source>
        <translation>La soumission n&apos;a aucune ligne; QuickBooks en exige au moins une.</translation>
    </message>
    <message>
        <source>The quote is {status}, not approved; only approved documents are pushed.</source>
        <translation>La soumission est à l&apos;état {status}, pas approuvée; seuls les documents approuvés sont envoyés.</translation>
    </message>
    <message>
        <source>The synchronization process stopped unexpectedly (exit code {code}). Every document it sent is recorded; press Synchronize again to finish.</source>
        <translation>Le processus de synchronisation s’est arrêté de façon inattendue (code de sortie {code}). Chaque document qu’il a envoyé est enregistré ; appuyez de nouveau sur Synchroniser pour terminer.</translation>
    </message>
    <message>
        <source>The tax code for untaxed lines, {code}, is inactive or no longer exists in QuickBooks: choose another one in Parameters &gt; Taxes.</source>
        <translation>Le code de taxe des lignes non taxables, {code}, est inactif ou n&apos;existe plus dans QuickBooks : choisissez-en un autre dans Paramètres &gt; Taxes.</translation>
    </message>
    <message>
        <source>The total {stated} is not the subtotal {subtotal} plus the tax {tax} ({total}; a difference of {difference}). Correct the document in FlowFit.</source>
        <translation>Le total {stated} n&apos;est pas le sous-total {subtotal} plus les taxes {tax} ({total}; un écart de {difference}). Corrigez le document dans FlowFit.</translation>
    </message>
    <message>
        <source>The update was not confirmed; it is sent again.</source>
        <translation>La mise à jour n&apos;a pas été confirmée; elle est envoyée de nouveau.</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>client</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>date d’échéance</translation>
    </message>
    <message>
        <source>expiration date</source>
        <translation>date d’expiration</translation>
    </message>
    <message>
        <source>line {line} amount</source>
        <translation>montant de la ligne {line}</translation>
    </message>
    <message>
        <source>line {line} description</source>
        <translation>description de la ligne {line}</translation>
    </message>
    <message>
        <source>line {line} product or service</source>
        <translation>produit ou service de la ligne {line}</translation>
    </message>
    <message>
        <source>line {line} quantity</source>
        <translation>quantité de la ligne {line}</translation>
    </message>
    <message>
        <source>line {line} tax code</source>
        <translation>code de taxe de la ligne {line}</translation>
    </message>
    <message>
        <source>message to the customer</source>
        <translation>message au client</translation>
    </message>
    <message>
        <source>not sent: the synchronization was stopped before its turn</source>
        <translation>non envoyé : la synchronisation a été arrêtée avant son tour</translation>
    </message>
    <message>
        <source>number</source>
        <translation>numéro</translation>
    </message>
    <message>
        <source>number of lines</source>
        <translation>nombre de lignes</translation>
    </message>
    <message>
        <source>private note</source>
        <translation>note privée</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>{field}</source>
        <translation>{field}</translation>
    </message>
    <message>
        <source>{path} is not a PDF (it does not start with %PDF-): give the document&apos;s PDF, not another kind of file renamed.</source>
        <translation>{path} n&apos;est pas un PDF (il ne commence pas par %PDF-) : fournissez le PDF du document, pas un autre type de fichier renommé.</translation>
    </message>
    <message>
        <source>{path} is not a file (a folder or a device): give the path of the document&apos;s PDF.</source>
        <translation>{path} n&apos;est pas un fichier (un dossier ou un périphérique) : indiquez le chemin du PDF du document.</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <source>Your account number with Consoltec: it identifies your FlowFit to the FlowFit/Quickbooks API. Consoltec gives it to you.</source>
        <translation>Votre numéro de compte chez Consoltec : il identifie votre FlowFit auprès de l&apos;API FlowFit/Quickbooks. Consoltec vous le fournit.</translation>
    </message>
    <message>
        <source>C&amp;ustomer sync. number</source>
        <translation>N&amp;uméro de synchro. client</translation>
    </message>
    <message>
        <source>Summary: one line with the subtotal</source>
        <translation>Sommaire : une ligne avec le sous-total</translation>
    </message>
    <message>
        <source>Itemized: one line per FlowFit line</source>
        <translation>Détaillé : une ligne par ligne FlowFit</translation>
    </message>
    <message>
        <source>Summary posts the description on a single line with the selected service. Itemized posts each FlowFit line to its mapped QuickBooks item and puts the description in the customer memo.</source>
        <translation>Sommaire inscrit la description sur une seule ligne avec le service sélectionné. Détaillé inscrit chaque ligne FlowFit sur son article QuickBooks associé et met la description dans le message au client.</translation>
    </message>
    <message>
        <source>&amp;Posting mode</source>
        <translation>Mode d&apos;&amp;inscription</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>How often approved documents are looked for when automatic sync is on.</source>
        <translation>À quelle fréquence les documents approuvés sont recherchés quand la synchro. automatique est activée.</translation>
    </message>
    <message>
        <source>Automatic sync &amp;interval</source>
        <translation>&amp;Intervalle de synchro. automatique</translation>
    </message>
    <message>
        <source>Synchronization</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>TaxCodesList</name>
    <message>
        <source>The company&apos;s tax codes</source>
        <translation>Les codes de taxe de l&apos;entreprise</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Code de taxe</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>TaxMappingTable</name>
    <message>
        <source>— not mapped —</source>
        <translation>— non associé —</translation>
    </message>
    <message>
        <source>Tax code #%1</source>
        <translation>Code de taxe no %1</translation>
    </message>
    <message>
        <source>FlowFit taxes and their QuickBooks tax codes</source>
        <translation>Les taxes FlowFit et leurs codes de taxe QuickBooks</translation>
    </message>
    <message>
        <source>FlowFit tax code</source>
        <translation>Code de taxe FlowFit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Composantes</translation>
    </message>
    <message>
        <source>QuickBooks tax code</source>
        <translation>Code de taxe QuickBooks</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>no longer seen in the documents</source>
        <translation>absente des documents</translation>
    </message>
    <message>
        <source>QuickBooks tax code for %1</source>
        <translation>Code de taxe QuickBooks pour %1</translation>
    </message>
    <message>
        <source>Suggested (same rates) — accept it, then save</source>
        <translation>Suggéré (mêmes taux) — acceptez-le, puis enregistrez</translation>
    </message>
    <message>
        <source>Not mapped: no active code has these rates</source>
        <translation>Non associé : aucun code actif n&apos;a ces taux</translation>
    </message>
    <message>
        <source>Not mapped</source>
        <translation>Non associé</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Suggested, accepted — not saved yet</source>
        <translation>Suggéré, accepté — pas encore enregistré</translation>
    </message>
    <message>
        <source>Changed — not saved yet</source>
        <translation>Modifié — pas encore enregistré</translation>
    </message>
    <message>
        <source>⚠ This code is not among the company&apos;s tax codes.</source>
        <translation>⚠ Ce code ne figure pas parmi les codes de taxe de l&apos;entreprise.</translation>
    </message>
    <message>
        <source>⚠ This code is inactive in QuickBooks.</source>
        <translation>⚠ Ce code est inactif dans QuickBooks.</translation>
    </message>
    <message>
        <source>⚠ Rates differ: QuickBooks %1, FlowFit %2.</source>
        <translation>⚠ Les taux diffèrent : QuickBooks %1, FlowFit %2.</translation>
    </message>
</context>
<context>
    <name>TaxTexts</name>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactif)</translation>
    </message>
    <message>
        <source>The company&apos;s tax regime shows once its tax codes are loaded.</source>
        <translation>Le régime de taxes de l&apos;entreprise s&apos;affiche une fois ses codes de taxe chargés.</translation>
    </message>
    <message>
        <source>US company with automated sales tax: QuickBooks computes the tax from addresses; with &apos;FlowFit&apos;s amounts&apos; the tax FlowFit billed is sent as the total tax.</source>
        <translation>Entreprise américaine avec taxe de vente automatisée : QuickBooks calcule la taxe d&apos;après les adresses; avec « Montants de FlowFit », la taxe facturée par FlowFit est envoyée comme taxe totale.</translation>
    </message>
    <message>
        <source>US company: lines are TAX or NON.</source>
        <translation>Entreprise américaine : les lignes sont TAX ou NON.</translation>
    </message>
    <message>
        <source>Canadian company (country %1): every line carries a tax code.</source>
        <translation>Entreprise canadienne (pays %1) : chaque ligne porte un code de taxe.</translation>
    </message>
    <message>
        <source>Company outside the US (country %1): every line carries a tax code.</source>
        <translation>Entreprise hors des États-Unis (pays %1) : chaque ligne porte un code de taxe.</translation>
    </message>
</context>
<context>
    <name>TaxesLoader</name>
    <message>
        <source>Correct the fields marked in red, then refresh again.</source>
        <translation>Corrigez les champs en rouge, puis actualisez de nouveau.</translation>
    </message>
</context>
<context>
    <name>TaxesTab</name>
    <message>
        <source>&amp;Refresh from QuickBooks</source>
        <translation>&amp;Actualiser depuis QuickBooks</translation>
    </message>
    <message>
        <source>Show &amp;inactive codes</source>
        <translation>Afficher les codes &amp;inactifs</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>The company&apos;s tax codes</source>
        <translation>Les codes de taxe de l&apos;entreprise</translation>
    </message>
    <message>
        <source>FlowFit tax → QuickBooks tax code</source>
        <translation>Taxe FlowFit → code de taxe QuickBooks</translation>
    </message>
    <message>
        <source>Suggested codes (in italics) have the FlowFit rates; none is saved until you accept it and save.</source>
        <translation>Les codes suggérés (en italique) ont les taux de FlowFit; aucun n&apos;est enregistré avant que vous l&apos;acceptiez et enregistriez.</translation>
    </message>
    <message>
        <source>&amp;Accept suggestions</source>
        <translation>A&amp;ccepter les suggestions</translation>
    </message>
    <message>
        <source>Put on non-taxable lines and on documents without tax (e.g. a client outside Canada).</source>
        <translation>Mis sur les lignes non taxables et sur les documents sans taxes (p. ex. un client hors du Canada).</translation>
    </message>
    <message>
        <source>Code for lines &amp;without tax</source>
        <translation>Code des lignes &amp;sans taxes</translation>
    </message>
    <message>
        <source>FlowFit&apos;s amounts (QuickBooks keeps the tax FlowFit billed, to the cent)</source>
        <translation>Montants de FlowFit (QuickBooks garde les taxes facturées par FlowFit, au cent près)</translation>
    </message>
    <message>
        <source>QuickBooks computes the tax</source>
        <translation>QuickBooks calcule les taxes</translation>
    </message>
    <message>
        <source>Tax amounts</source>
        <translation>Montants des taxes</translation>
    </message>
    <message>
        <source>Taxes</source>
        <translation>Taxes</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>%1 active tax codes</source>
        <translation>%1 codes de taxe actifs</translation>
    </message>
    <message>
        <source>1 active tax code</source>
        <translation>1 code de taxe actif</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— aucun —</translation>
    </message>
    <message>
        <source>Suggested — accept it, then save</source>
        <translation>Suggéré — acceptez-le, puis enregistrez</translation>
    </message>
    <message>
        <source>Suggested, accepted — not saved yet</source>
        <translation>Suggéré, accepté — pas encore enregistré</translation>
    </message>
    <message>
        <source>Changed — not saved yet</source>
        <translation>Modifié — pas encore enregistré</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>⚠ This code is not among the company&apos;s tax codes.</source>
        <translation>⚠ Ce code ne figure pas parmi les codes de taxe de l&apos;entreprise.</translation>
    </message>
    <message>
        <source>⚠ This code is inactive in QuickBooks.</source>
        <translation>⚠ Ce code est inactif dans QuickBooks.</translation>
    </message>
</context>
<context>
    <name>TemplateMessages</name>
    <message>
        <source>The % at character {column} is not closed. End the variable with % or write %% for a percent sign.</source>
        <translation>Le % au caractère {column} n’est pas fermé. Terminez la variable par % ou écrivez %% pour un signe de pourcentage.</translation>
    </message>
    <message>
        <source>The % at character {column} starts a variable, but “{name}” is not a variable name. Write %% for a percent sign.</source>
        <translation>Le % au caractère {column} commence une variable, mais « {name} » n’est pas un nom de variable. Écrivez %% pour un signe de pourcentage.</translation>
    </message>
    <message>
        <source>Unknown variable %{name}% at character {column}.</source>
        <translation>Variable inconnue %{name}% au caractère {column}.</translation>
    </message>
    <message>
        <source>Did you mean %{name}%?</source>
        <translation>Vouliez-vous dire %{name}% ?</translation>
    </message>
    <message>
        <source>%{name}% cannot be used in quotes: they have no such value.</source>
        <translation>%{name}% ne peut pas servir dans les soumissions : elles n’ont pas cette valeur.</translation>
    </message>
    <message>
        <source>%{name}% cannot be used in invoices: they have no such value.</source>
        <translation>%{name}% ne peut pas servir dans les factures : elles n’ont pas cette valeur.</translation>
    </message>
    <message>
        <source>The description is {length} characters long; QuickBooks accepts at most {limit}.</source>
        <translation>La description compte {length} caractères ; QuickBooks en accepte au plus {limit}.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>&apos;{url}&apos; contains a space, a line break or a control character; copy the address again.</source>
        <translation>« {url} » contient une espace, un saut de ligne ou un caractère de contrôle; copiez l&apos;adresse de nouveau.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; has a port outside 1 to 65535; correct the number after &apos;:&apos;.</source>
        <translation>« {url} » a un port hors de 1 à 65535; corrigez le nombre après « : ».</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a web address; it must start with https://.</source>
        <translation>« {url} » n&apos;est pas une adresse Web; elle doit commencer par https://.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not encrypted; use https:// (http:// is allowed only for this computer).</source>
        <translation>« {url} » n&apos;est pas chiffrée; utilisez https:// (http:// n&apos;est permis que pour cet ordinateur).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a QuickBooks item Id; pick the service in the list.</source>
        <translation>« {value} » n&apos;est pas un ID d&apos;article QuickBooks; choisissez le service dans la liste.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a QuickBooks tax code Id; pick the code in the list.</source>
        <translation>« {value} » n&apos;est pas un Id de code de taxe QuickBooks; choisissez le code dans la liste.</translation>
    </message>
    <message>
        <source>A FlowFit tax code cannot be empty in the mapping.</source>
        <translation>Un code de taxe FlowFit ne peut pas être vide dans l&apos;association.</translation>
    </message>
    <message>
        <source>Enter an address such as https://example.com/api.</source>
        <translation>Entrez une adresse comme https://example.com/api.</translation>
    </message>
    <message>
        <source>Enter the Customer sync. number: the FlowFit/Quickbooks API needs it.</source>
        <translation>Entrez le numéro de synchro. client : l&apos;API FlowFit/Quickbooks en a besoin.</translation>
    </message>
    <message>
        <source>Enter the Realm ID to enable the connector.</source>
        <translation>Entrez l&apos;ID de domaine (Realm ID) pour activer le connecteur.</translation>
    </message>
    <message>
        <source>The Customer sync. number is a whole number above 0 (Consoltec gives it to you); &apos;{value}&apos; is not one.</source>
        <translation>Le numéro de synchro. client est un nombre entier plus grand que 0 (Consoltec vous le fournit); « {value} » n&apos;en est pas un.</translation>
    </message>
    <message>
        <source>The FlowFit service &apos;{service}&apos; is mapped to &apos;{value}&apos;, which is not a QuickBooks item Id; pick the item again.</source>
        <translation>Le service FlowFit « {service} » est associé à « {value} », qui n&apos;est pas un ID d&apos;article QuickBooks; choisissez l&apos;article de nouveau.</translation>
    </message>
    <message>
        <source>The FlowFit tax &apos;{tax}&apos; is mapped to &apos;{value}&apos;, which is not a QuickBooks tax code Id; pick the code again.</source>
        <translation>La taxe FlowFit « {tax} » est associée à « {value} », qui n&apos;est pas un Id de code de taxe QuickBooks; choisissez le code de nouveau.</translation>
    </message>
    <message>
        <source>The Realm ID has only digits (QuickBooks shows it as the Company ID under ⚙ &gt; Account and settings &gt; Billing &amp; subscription); &apos;{value}&apos; is not one.</source>
        <translation>L&apos;ID de domaine (Realm ID) n&apos;a que des chiffres (QuickBooks l&apos;affiche comme numéro d&apos;entreprise sous ⚙ &gt; Compte et paramètres &gt; Facturation et abonnement); « {value} » n&apos;en est pas un.</translation>
    </message>
    <message>
        <source>The address holds a user name or password (user:password@); remove them: qbconnector never keeps credentials in an address.</source>
        <translation>L&apos;adresse contient un nom d&apos;utilisateur ou un mot de passe (utilisateur:motdepasse@); retirez-les : qbconnector ne garde jamais d&apos;identifiants dans une adresse.</translation>
    </message>
    <message>
        <source>The address is {length} characters long; a web address has at most {max}.</source>
        <translation>L&apos;adresse compte {length} caractères; une adresse Web en compte au plus {max}.</translation>
    </message>
    <message>
        <source>The automatic sync interval is between 1 and {max} minutes.</source>
        <translation>L&apos;intervalle de synchro. automatique est entre 1 et {max} minutes.</translation>
    </message>
    <message>
        <source>The client ID has no spaces; copy it again.</source>
        <translation>L&apos;ID client n&apos;a pas d&apos;espaces; copiez-le de nouveau.</translation>
    </message>
    <message>
        <source>The token contains control characters (a NUL byte?); copy it again from Intuit&apos;s developer page.</source>
        <translation>Le jeton contient des caractères de contrôle (un octet NUL?); copiez-le de nouveau depuis la page développeur d&apos;Intuit.</translation>
    </message>
    <message>
        <source>The token contains spaces or line breaks; copy it again in one piece.</source>
        <translation>Le jeton contient des espaces ou des sauts de ligne; copiez-le de nouveau d&apos;un seul bloc.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to qbconnector</source>
        <translation>Bienvenue dans qbconnector</translation>
    </message>
    <message>
        <source>qbconnector pushes FlowFit client invoices and quotes to QuickBooks Online. How do you want to start?</source>
        <translation>qbconnector envoie les factures et les soumissions clients de FlowFit à QuickBooks Online. Comment voulez-vous commencer?</translation>
    </message>
    <message>
        <source>Connect a QuickBooks company</source>
        <translation>Connecter une entreprise QuickBooks</translation>
    </message>
    <message>
        <source>Sign in to QuickBooks in your browser and approve the connection. You need your app&apos;s client ID and client secret from developer.intuit.com.</source>
        <translation>Ouvrez une session QuickBooks dans votre navigateur et autorisez la connexion. Il vous faut l’ID client et le secret client de votre application, sur developer.intuit.com.</translation>
    </message>
    <message>
        <source>Paste tokens</source>
        <translation>Coller des jetons</translation>
    </message>
    <message>
        <source>FlowFit&apos;s way: the Realm ID and an access/refresh token pair from Intuit&apos;s OAuth Playground.</source>
        <translation>À la façon de FlowFit : le Realm ID et une paire de jetons d’accès et d’actualisation obtenue dans l’OAuth Playground d’Intuit.</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Ouvrir la démo</translation>
    </message>
    <message>
        <source>A sample FlowFit company and a local QuickBooks stand-in, in a separate window; nothing is sent anywhere.</source>
        <translation>Une entreprise FlowFit d’exemple et un QuickBooks local de remplacement, dans une fenêtre à part; rien n’est envoyé nulle part.</translation>
    </message>
</context>
<context>
    <name>self.page</name>
    <message>
        <source>Push anyway</source>
        <translation>Envoyer quand même</translation>
    </message>
    <message>
        <source>Overwrite %1 document(s) in QuickBooks?</source>
        <translation>Écraser %1 document(s) dans QuickBooks ?</translation>
    </message>
    <message>
        <source>They were changed in QuickBooks since they were pushed: edits made there are replaced by FlowFit&apos;s version, and a document deleted there is created again. Payments stay recorded in QuickBooks.</source>
        <translation>Ils ont été modifiés dans QuickBooks depuis leur envoi : les modifications faites là-bas sont remplacées par la version de FlowFit, et un document qui y a été supprimé est créé de nouveau. Les paiements restent enregistrés dans QuickBooks.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>qbconnector</source>
        <translation>qbconnector</translation>
    </message>
</context>
</TS>
