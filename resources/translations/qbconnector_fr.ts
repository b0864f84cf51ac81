<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
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
        <source>QuickBooks Id:</source>
        <translation>Id QuickBooks :</translation>
    </message>
    <message>
        <source>QuickBooks number:</source>
        <translation>Numéro QuickBooks :</translation>
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
        <source>QuickBooks no longer accepts the saved refresh token. Get new tokens for this company and paste them in Parameters &gt; Quickbooks server.</source>
        <translation>QuickBooks n&apos;accepte plus le jeton d&apos;actualisation enregistré. Obtenez de nouveaux jetons pour cette entreprise et collez-les dans Paramètres &gt; Serveur Quickbooks.</translation>
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
        <source>QuickBooks</source>
        <translation>QuickBooks</translation>
    </message>
    <message>
        <source>QuickBooks no.</source>
        <translation>No QuickBooks</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchro</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
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
        <source>Any QuickBooks state</source>
        <translation>Tout état QuickBooks</translation>
    </message>
    <message>
        <source>FlowFit status</source>
        <translation>Statut FlowFit</translation>
    </message>
    <message>
        <source>QuickBooks state</source>
        <translation>État QuickBooks</translation>
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
        <source>QuickBooks not connected</source>
        <translation>QuickBooks non connecté</translation>
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
        <source>QuickBooks no longer accepts the saved connection, so the synchronization stopped. Get new tokens for this company, paste them here and save; then synchronize again.</source>
        <translation>QuickBooks n’accepte plus la connexion enregistrée; la synchronisation s’est donc arrêtée. Obtenez de nouveaux jetons pour cette entreprise, collez-les ici et enregistrez, puis synchronisez de nouveau.</translation>
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
        <source>Conflict: the document was changed in QuickBooks at the same time; synchronize again to push the FlowFit version.</source>
        <translation>Conflit : le document a été modifié dans QuickBooks au même moment; synchronisez de nouveau pour envoyer la version FlowFit.</translation>
    </message>
    <message>
        <source>FlowFit client {code} has no name; give it one in FlowFit.</source>
        <translation>Le client FlowFit {code} n&apos;a pas de nom; donnez-lui-en un dans FlowFit.</translation>
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
        <source>QuickBooks refused it: {error}</source>
        <translation>QuickBooks l&apos;a refusé : {error}</translation>
    </message>
    <message>
        <source>QuickBooks refused the customer: {error}</source>
        <translation>QuickBooks a refusé le client : {error}</translation>
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
        <source>The description is {length} characters long; QuickBooks accepts at most {limit}. Shorten the naming convention.</source>
        <translation>La description compte {length} caractères; QuickBooks en accepte au plus {limit}. Raccourcissez la convention de nommage.</translation>
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
        <source>The update was not confirmed; it is sent again.</source>
        <translation>La mise à jour n&apos;a pas été confirmée; elle est envoyée de nouveau.</translation>
    </message>
    <message>
        <source>not sent: the synchronization was stopped before its turn</source>
        <translation>non envoyé : la synchronisation a été arrêtée avant son tour</translation>
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
    <name>window</name>
    <message>
        <source>qbconnector</source>
        <translation>qbconnector</translation>
    </message>
</context>
</TS>
