<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw_TZ">
<context>
    <name>ChargePanel</name>
    <message>
        <source>New payment</source>
        <translation>Malipo mapya</translation>
    </message>
    <message>
        <source>New M-Pesa payment</source>
        <translation>Malipo mapya ya M-Pesa</translation>
    </message>
    <message>
        <source>&amp;Amount (KES)</source>
        <translation>&amp;Kiasi (KES)</translation>
    </message>
    <message>
        <source>Amount in shillings</source>
        <translation>Kiasi kwa shilingi</translation>
    </message>
    <message>
        <source>e.g. 1,500</source>
        <translation>mf. 1,500</translation>
    </message>
    <message>
        <source>Customer &amp;phone</source>
        <translation>&amp;Simu ya mteja</translation>
    </message>
    <message>
        <source>Customer phone number</source>
        <translation>Nambari ya simu ya mteja</translation>
    </message>
    <message>
        <source>e.g. 0712 345 678</source>
        <translation>mf. 0712 345 678</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Lipisha</translation>
    </message>
    <message>
        <source>Send the M-Pesa request to the customer&apos;s phone (Enter)</source>
        <translation>Tuma ombi la M-Pesa kwa simu ya mteja (Enter)</translation>
    </message>
</context>
<context>
    <name>IntaSendSettingsPage</name>
    <message>
        <source>IntaSend</source>
        <translation>IntaSend</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Mazingira</translation>
    </message>
    <message>
        <source>Base &amp;URL</source>
        <translation>&amp;URL ya msingi</translation>
    </message>
    <message>
        <source>&amp;Public key</source>
        <translation>Ufunguo wa &amp;umma</translation>
    </message>
    <message>
        <source>&amp;Secret key</source>
        <translation>Ufunguo wa &amp;siri</translation>
    </message>
    <message>
        <source>optional: ISSecretKey_test_…</source>
        <translation>si lazima: ISSecretKey_test_…</translation>
    </message>
    <message>
        <source>Make one harmless call to IntaSend with these keys</source>
        <translation>Piga simu moja isiyo na madhara kwa IntaSend kwa funguo hizi</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Jaribu muunganisho</translation>
    </message>
    <message>
        <source>Optional. With the secret key, payments use IntaSend&apos;s current route, and a payment whose answer was lost is found again in IntaSend&apos;s records by its reference.</source>
        <translation>Si lazima. Ukiwa na ufunguo wa siri, malipo hutumia njia ya sasa ya IntaSend, na malipo ambayo jibu lake lilipotea hupatikana tena kwenye rekodi za IntaSend kwa kumbukumbu yake.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Save as PDF</source>
        <translation>Hifadhi kama PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Faili za PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Haijahifadhiwa</translation>
    </message>
    <message>
        <source>%1 could not be replaced.</source>
        <translation>%1 haikuweza kubadilishwa.</translation>
    </message>
    <message>
        <source>%1 could not be written. Check that the folder exists and can be written to.</source>
        <translation>%1 haikuweza kuandikwa. Hakikisha kwamba folda ipo na inaweza kuandikiwa.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Sawa</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Hifadhi</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Fungua</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ndiyo</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Hapana</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Tupa</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Msaada</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Tumia</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Jaribu tena</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Acha</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Puuza</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsPage</name>
    <message>
        <source>Manager PIN</source>
        <translation>PIN ya meneja</translation>
    </message>
    <message>
        <source>New P&amp;IN</source>
        <translation>P&amp;IN mpya</translation>
    </message>
    <message>
        <source>New PIN a&amp;gain</source>
        <translation>PIN mpya &amp;tena</translation>
    </message>
    <message>
        <source>Remove the PIN</source>
        <translation>Ondoa PIN</translation>
    </message>
    <message>
        <source>The PIN protects Settings and the CSV export.</source>
        <translation>PIN inalinda Mipangilio na uhamishaji wa CSV.</translation>
    </message>
</context>
<context>
    <name>ShopSettingsPage</name>
    <message>
        <source>Shop database</source>
        <translation>Hifadhidata ya duka</translation>
    </message>
    <message>
        <source>&amp;Database URL</source>
        <translation>URL ya hifa&amp;dhidata</translation>
    </message>
    <message>
        <source>The PostgreSQL database every till of the shop copies its journal to. Add ?sslmode=require over a network you do not trust.</source>
        <translation>Hifadhidata ya PostgreSQL ambamo kila till ya duka hunakili daftari lake. Ongeza ?sslmode=require kwenye mtandao usiouamini.</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Nenosiri</translation>
    </message>
    <message>
        <source>Re&amp;move the stored password</source>
        <translation>&amp;Ondoa nenosiri lililohifadhiwa</translation>
    </message>
    <message>
        <source>&amp;Branch</source>
        <translation>Ta&amp;wi</translation>
    </message>
    <message>
        <source>For a chain whose branches share one database; empty for a single shop</source>
        <translation>Kwa mnyororo wa maduka ambao matawi yake yanatumia hifadhidata moja; acha tupu kwa duka moja</translation>
    </message>
    <message>
        <source>This till</source>
        <translation>Till hii</translation>
    </message>
    <message>
        <source>This till&apos;s identity in the shop database, made at its first start</source>
        <translation>Utambulisho wa till hii kwenye hifadhidata ya duka, ulioundwa ilipowashwa mara ya kwanza</translation>
    </message>
    <message>
        <source>Leave the URL empty for a till on its own. The password is kept in the key store, never in the settings file.</source>
        <translation>Acha URL tupu kwa till inayojitegemea. Nenosiri huhifadhiwa kwenye hifadhi ya funguo, kamwe si kwenye faili la mipangilio.</translation>
    </message>
</context>
<context>
    <name>TillSettingsPage</name>
    <message>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Till &amp;name</source>
        <translation>&amp;Jina la till</translation>
    </message>
    <message>
        <source>Sent to IntaSend with each payment and printed on receipts</source>
        <translation>Hutumwa kwa IntaSend pamoja na kila malipo na huchapishwa kwenye risiti</translation>
    </message>
    <message>
        <source>Check &amp;every</source>
        <translation>Kagua &amp;kila</translation>
    </message>
    <message>
        <source>How often a waiting payment is checked, at most</source>
        <translation>Malipo yanayosubiri hukaguliwa mara ngapi, angalau</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>E&amp;xpire after</source>
        <translation>&amp;Pitwa na muda baada ya</translation>
    </message>
    <message>
        <source>After this long without an answer from the customer a payment shows as expired</source>
        <translation>Baada ya muda huu bila jibu kutoka kwa mteja, malipo huonyeshwa kuwa yamepitwa na muda</translation>
    </message>
    <message>
        <source>S&amp;ound</source>
        <translation>S&amp;auti</translation>
    </message>
    <message>
        <source>A sound and a desktop notification when a payment is paid or fails</source>
        <translation>Sauti na arifa ya eneo-kazi malipo yanapolipwa au kushindwa</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Lugha</translation>
    </message>
    <message>
        <source>&amp;Receipt paper</source>
        <translation>Karatasi ya &amp;risiti</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>Ukubwa wa &amp;maandishi</translation>
    </message>
    <message>
        <source>Larger text for big screens read from across the counter</source>
        <translation>Maandishi makubwa zaidi kwa skrini kubwa zinazosomwa kutoka ng&apos;ambo ya kaunta</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Largest M-Pesa payment</source>
        <translation>Malipo &amp;makubwa zaidi ya M-Pesa</translation>
    </message>
    <message>
        <source>The most one M-Pesa payment may carry (IntaSend&apos;s default limit is KES 150,000). A sale above it is taken in several payments.</source>
        <translation>Kiasi kikubwa zaidi cha malipo moja ya M-Pesa (kikomo cha kawaida cha IntaSend ni KES 150,000). Mauzo yaliyo juu yake hulipwa kwa malipo kadhaa.</translation>
    </message>
    <message>
        <source>Largest s&amp;ale</source>
        <translation>M&amp;auzo makubwa zaidi</translation>
    </message>
    <message>
        <source>The largest sale the till takes, in as many M-Pesa payments as it needs</source>
        <translation>Mauzo makubwa zaidi ambayo till inapokea, kwa malipo mengi ya M-Pesa kadri yanavyohitajika</translation>
    </message>
</context>
<context>
    <name>lipa</name>
    <message>
        <source>The shop database refused the password for user %1</source>
        <translation>Hifadhidata ya duka imekataa nenosiri la mtumiaji %1</translation>
    </message>
    <message>
        <source>The shop database asks for a password and this till has none (Settings → Shop, or LIPA_TILL_SHOP_DB_PASSWORD)</source>
        <translation>Hifadhidata ya duka inaomba nenosiri na till hii haina (Mipangilio → Hifadhidata ya duka, au LIPA_TILL_SHOP_DB_PASSWORD)</translation>
    </message>
    <message>
        <source>The shop database server does not let this till in</source>
        <translation>Seva ya hifadhidata ya duka hairuhusu till hii kuingia</translation>
    </message>
    <message>
        <source>The shop database server has no user named %1</source>
        <translation>Seva ya hifadhidata ya duka haina mtumiaji anayeitwa %1</translation>
    </message>
    <message>
        <source>No database named %1 on the shop database server</source>
        <translation>Hakuna hifadhidata inayoitwa %1 kwenye seva ya hifadhidata ya duka</translation>
    </message>
    <message>
        <source>Cannot find the shop database server %1 (check the host name)</source>
        <translation>Haiwezi kupata seva ya hifadhidata ya duka %1 (kagua jina la seva)</translation>
    </message>
    <message>
        <source>Cannot reach the shop database server</source>
        <translation>Haiwezi kufikia seva ya hifadhidata ya duka</translation>
    </message>
    <message>
        <source>Cannot reach the shop database at %1</source>
        <translation>Haiwezi kufikia hifadhidata ya duka kwenye %1</translation>
    </message>
    <message>
        <source>No encrypted connection to the shop database could be made (see sslmode)</source>
        <translation>Haikuweza kuunda muunganisho uliosimbwa kwa njia fiche na hifadhidata ya duka (tazama sslmode)</translation>
    </message>
    <message>
        <source>The shop database server is busy, starting or stopping</source>
        <translation>Seva ya hifadhidata ya duka ina shughuli nyingi, inawashwa au inazimwa</translation>
    </message>
    <message>
        <source>The connection to the shop database was lost</source>
        <translation>Muunganisho na hifadhidata ya duka ulikatika</translation>
    </message>
    <message>
        <source>The shop database did not answer in time</source>
        <translation>Hifadhidata ya duka haikujibu kwa wakati</translation>
    </message>
    <message>
        <source>The shop database&apos;s user may not do this (it must own the database to create the shop&apos;s tables)</source>
        <translation>Mtumiaji wa hifadhidata ya duka haruhusiwi kufanya hivi (lazima awe mmiliki wa hifadhidata ili kuunda majedwali ya duka)</translation>
    </message>
    <message>
        <source>The shop database reported an error</source>
        <translation>Hifadhidata ya duka iliripoti hitilafu</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The user %1 may not create the shop&apos;s tables in the database %2: make it the database&apos;s owner (ALTER DATABASE %2 OWNER TO %1). (%3)</source>
        <translation>Mtumiaji %1 haruhusiwi kuunda majedwali ya duka kwenye hifadhidata %2: mfanye mmiliki wa hifadhidata hiyo (ALTER DATABASE %2 OWNER TO %1). (%3)</translation>
    </message>
    <message>
        <source>The shop database&apos;s tables could not be created: %1</source>
        <translation>Majedwali ya hifadhidata ya duka hayakuweza kuundwa: %1</translation>
    </message>
    <message>
        <source>The shop database could not be upgraded from schema %1: %2</source>
        <translation>Hifadhidata ya duka haikuweza kusasishwa kutoka schema %1: %2</translation>
    </message>
    <message>
        <source>Created the shop database&apos;s tables in %1 (schema %2).</source>
        <translation>Majedwali ya hifadhidata ya duka yameundwa kwenye %1 (schema %2).</translation>
    </message>
    <message>
        <source>Upgraded the shop database %1 from schema %2 to %3.</source>
        <translation>Hifadhidata ya duka %1 imesasishwa kutoka schema %2 hadi %3.</translation>
    </message>
    <message>
        <source>sslmode must be one of %1</source>
        <translation>sslmode lazima iwe mojawapo ya %1</translation>
    </message>
    <message>
        <source>connect_timeout must be a number of seconds from 1 to 600</source>
        <translation>connect_timeout lazima iwe idadi ya sekunde kati ya 1 na 600</translation>
    </message>
    <message>
        <source>application_name cannot contain &apos;;&apos;</source>
        <translation>application_name haiwezi kuwa na &apos;;&apos;</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; is not one the till passes on (it knows sslmode, connect_timeout and application_name)</source>
        <translation>kigezo &quot;%1&quot; si kimojawapo ambacho till hupitisha (inajua sslmode, connect_timeout na application_name)</translation>
    </message>
    <message>
        <source>the parameter &quot;%1&quot; is given twice</source>
        <translation>kigezo &quot;%1&quot; kimetolewa mara mbili</translation>
    </message>
    <message>
        <source>The shop database URL %1. Write it as postgresql://USER@HOST:PORT/DBNAME.</source>
        <translation>URL ya hifadhidata ya duka %1. Iandike kama postgresql://USER@HOST:PORT/DBNAME.</translation>
    </message>
</context>
<context>
    <name>lipa::Announcer</name>
    <message>
        <source>%1 from %2</source>
        <translation>%1 kutoka %2</translation>
    </message>
    <message>
        <source>Paid: %1</source>
        <translation>Imelipwa: %1</translation>
    </message>
    <message>
        <source>M-Pesa receipt %1</source>
        <translation>Risiti ya M-Pesa %1</translation>
    </message>
    <message>
        <source>Not paid: %1</source>
        <translation>Haijalipwa: %1</translation>
    </message>
    <message>
        <source>Paid twice: %1 from %2</source>
        <translation>Yamelipwa mara mbili: %1 kutoka %2</translation>
    </message>
    <message>
        <source>M-Pesa receipt %1 came after the cash. Give the customer their cash back.</source>
        <translation>Risiti ya M-Pesa %1 ilikuja baada ya pesa taslimu. Mrudishie mteja pesa zake taslimu.</translation>
    </message>
</context>
<context>
    <name>lipa::CashDesk</name>
    <message>
        <source>This payment is not in the journal.</source>
        <translation>Malipo haya hayako kwenye daftari.</translation>
    </message>
    <message>
        <source>This payment is paid by M-Pesa (receipt %1). Do not take cash.</source>
        <translation>Malipo haya yamelipwa kwa M-Pesa (risiti %1). Usipokee pesa taslimu.</translation>
    </message>
    <message>
        <source>This sale is already settled in cash.</source>
        <translation>Mauzo haya tayari yamelipwa kwa pesa taslimu.</translation>
    </message>
    <message>
        <source>This request is still being sent. Wait for IntaSend&apos;s answer.</source>
        <translation>Ombi hili bado linatumwa. Subiri jibu la IntaSend.</translation>
    </message>
    <message>
        <source>IntaSend says this payment is paid by M-Pesa after all (receipt %1). Do not take cash.</source>
        <translation>IntaSend inasema malipo haya yamelipwa kwa M-Pesa hatimaye (risiti %1). Usipokee pesa taslimu.</translation>
    </message>
    <message>
        <source>This payment can no longer be settled in cash (%1).</source>
        <translation>Malipo haya hayawezi tena kulipwa kwa pesa taslimu (%1).</translation>
    </message>
    <message>
        <source>Settled in cash. The M-Pesa request was still open: the till keeps checking it in case the customer approves it anyway.</source>
        <translation>Yamelipwa kwa pesa taslimu. Ombi la M-Pesa lilikuwa bado wazi: till inaendelea kulikagua endapo mteja ataliidhinisha hata hivyo.</translation>
    </message>
    <message>
        <source>Settled in cash. IntaSend never confirmed the M-Pesa request, so the till cannot see whether the customer approves it.</source>
        <translation>Yamelipwa kwa pesa taslimu. IntaSend haikuthibitisha ombi la M-Pesa, kwa hivyo till haiwezi kuona kama mteja ataliidhinisha.</translation>
    </message>
    <message>
        <source>The cash sale could not be recorded (%1). Do not take the cash until it is.</source>
        <translation>Mauzo ya pesa taslimu hayakuweza kurekodiwa (%1). Usipokee pesa taslimu hadi yarekodiwe.</translation>
    </message>
</context>
<context>
    <name>lipa::ChargePanel</name>
    <message>
        <source>That looks like a phone number: it goes under Customer phone</source>
        <translation>Hiyo inaonekana kuwa nambari ya simu: iandike chini ya Simu ya mteja</translation>
    </message>
    <message>
        <source>Above M-Pesa&apos;s usual KES 300,000 a day for one customer: a part may be refused; the rest can go from another phone or in cash.</source>
        <translation>Zaidi ya KES 300,000 kwa siku ambazo M-Pesa huruhusu kwa mteja mmoja kwa kawaida: sehemu moja inaweza kukataliwa; salio linaweza kulipwa kwa simu nyingine au kwa pesa taslimu.</translation>
    </message>
</context>
<context>
    <name>lipa::CounterPrinter</name>
    <message>
        <source>%1 printed</source>
        <translation>%1 imechapishwa</translation>
    </message>
    <message>
        <source>The cash drawer did not open: %1</source>
        <translation>Droo ya pesa haikufunguka: %1</translation>
    </message>
    <message>
        <source>%1 was not printed: %2 Then print it again (Ctrl+P for a receipt).</source>
        <translation>%1 haikuchapishwa: %2 Kisha ichapishe tena (Ctrl+P kwa risiti).</translation>
    </message>
</context>
<context>
    <name>lipa::CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>Skrini ya mteja</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Karibu</translation>
    </message>
    <message>
        <source>Paid — thank you</source>
        <translation>Imelipwa — asante</translation>
    </message>
    <message>
        <source>M-Pesa receipt %1</source>
        <translation>Risiti ya M-Pesa %1</translation>
    </message>
    <message>
        <source>Paid in cash — thank you</source>
        <translation>Imelipwa kwa pesa taslimu — asante</translation>
    </message>
    <message>
        <source>Enter your M-Pesa PIN on %1</source>
        <translation>Weka PIN yako ya M-Pesa kwenye %1</translation>
    </message>
    <message>
        <source>Time left %1:%2</source>
        <translation>Muda uliobaki %1:%2</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Haijalipwa</translation>
    </message>
    <message>
        <source>The request on your phone timed out.</source>
        <translation>Muda wa ombi kwenye simu yako umekwisha.</translation>
    </message>
    <message>
        <source>The payment could not be started. Please ask the cashier.</source>
        <translation>Malipo hayakuweza kuanzishwa. Tafadhali muulize keshia.</translation>
    </message>
    <message>
        <source>The cashier is checking whether it was paid. Please wait.</source>
        <translation>Keshia anaangalia kama yamelipwa. Tafadhali subiri.</translation>
    </message>
    <message>
        <source>Your M-Pesa balance is too low.</source>
        <translation>Salio lako la M-Pesa halitoshi.</translation>
    </message>
    <message>
        <source>The request was cancelled on your phone.</source>
        <translation>Ombi lilighairiwa kwenye simu yako.</translation>
    </message>
    <message>
        <source>Your phone could not be reached. Check it is on, then try again.</source>
        <translation>Simu yako haikupatikana. Hakikisha imewashwa, kisha jaribu tena.</translation>
    </message>
    <message>
        <source>The M-Pesa PIN was wrong. Please try again.</source>
        <translation>PIN ya M-Pesa haikuwa sahihi. Tafadhali jaribu tena.</translation>
    </message>
    <message>
        <source>Another M-Pesa payment is in progress on your phone. Please wait, then try again.</source>
        <translation>Kuna malipo mengine ya M-Pesa yanayoendelea kwenye simu yako. Tafadhali subiri, kisha jaribu tena.</translation>
    </message>
    <message>
        <source>The payment did not go through.</source>
        <translation>Malipo hayakufanikiwa.</translation>
    </message>
    <message>
        <source>Scan to pay by card or M-Pesa</source>
        <translation>Changanua ili ulipe kwa kadi au M-Pesa</translation>
    </message>
    <message>
        <source>Preparing your QR code…</source>
        <translation>Tunaandaa msimbo wako wa QR…</translation>
    </message>
    <message>
        <source>The payment page was not paid in time.</source>
        <translation>Ukurasa wa malipo haukulipwa kwa wakati.</translation>
    </message>
</context>
<context>
    <name>lipa::Environment</name>
    <message>
        <source>&quot;%1&quot; is not a URL; expected e.g. https://sandbox.intasend.com</source>
        <translation>&quot;%1&quot; si anwani ya URL; mfano unaotarajiwa: https://sandbox.intasend.com</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: only https:// URLs are allowed</source>
        <translation>&quot;%1&quot;: anwani za https:// pekee zinaruhusiwa</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: plain http is allowed only to this computer (127.0.0.1); use https://</source>
        <translation>&quot;%1&quot;: http ya kawaida inaruhusiwa kwa kompyuta hii tu (127.0.0.1); tumia https://</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the base URL must not carry a query, fragment or user name</source>
        <translation>&quot;%1&quot;: anwani ya msingi isiwe na query, fragment wala jina la mtumiaji</translation>
    </message>
    <message>
        <source>A test key cannot be used with live IntaSend</source>
        <translation>Ufunguo wa majaribio hauwezi kutumika na IntaSend halisi (LIVE)</translation>
    </message>
    <message>
        <source>A live key cannot be used with the IntaSend sandbox</source>
        <translation>Ufunguo halisi hauwezi kutumika na sandbox ya IntaSend</translation>
    </message>
    <message>
        <source>The public key does not look like an IntaSend %1 key (ISPubKey%2…)</source>
        <translation>Ufunguo wa umma hauonekani kuwa ufunguo wa IntaSend wa %1 (ISPubKey%2…)</translation>
    </message>
</context>
<context>
    <name>lipa::EscPos</name>
    <message>
        <source>the receipt printer on %1</source>
        <translation>printa ya risiti kwenye %1</translation>
    </message>
    <message>
        <source>the receipt printer at %1:%2</source>
        <translation>printa ya risiti iliyoko %1:%2</translation>
    </message>
</context>
<context>
    <name>lipa::EscPosPrinter</name>
    <message>
        <source>%1 stopped taking it halfway. Check it has paper and is not jammed.</source>
        <translation>%1 iliacha kuipokea katikati. Hakikisha ina karatasi na haijakwama.</translation>
    </message>
    <message>
        <source>%1 does not answer. Check it is switched on, plugged in and has paper.</source>
        <translation>%1 haijibu. Hakikisha imewashwa, imechomekwa na ina karatasi.</translation>
    </message>
    <message>
        <source>%1 cannot be reached (%2). Check it is switched on and on the network.</source>
        <translation>%1 haipatikani (%2). Hakikisha imewashwa na iko kwenye mtandao.</translation>
    </message>
    <message>
        <source>%1 cannot be opened (%2). Check it is plugged in.</source>
        <translation>%1 haiwezi kufunguliwa (%2). Hakikisha imechomekwa.</translation>
    </message>
    <message>
        <source>%1 cannot be opened (%2). Check it is switched on and plugged in.</source>
        <translation>%1 haiwezi kufunguliwa (%2). Hakikisha imewashwa na imechomekwa.</translation>
    </message>
    <message>
        <source>%1 refused the %2 (%3). Check it has paper and is switched on.</source>
        <translation>%1 imekataa %2 (%3). Hakikisha ina karatasi na imewashwa.</translation>
    </message>
    <message>
        <source>%1 is out of paper. Put in a new roll, then print again.</source>
        <translation>%1 imeishiwa karatasi. Weka roli mpya, kisha uchapishe tena.</translation>
    </message>
</context>
<context>
    <name>lipa::HistoryFilterBar</name>
    <message>
        <source>Search: phone, amount, M-Pesa receipt, reference (F2)</source>
        <translation>Tafuta: simu, kiasi, risiti ya M-Pesa, kumbukumbu (F2)</translation>
    </message>
    <message>
        <source>Search payments</source>
        <translation>Tafuta malipo</translation>
    </message>
    <message>
        <source>Show payments that are</source>
        <translation>Onyesha malipo ambayo ni</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Kipindi cha muda</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Leo</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Jana</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Wiki hii</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Tangu mwanzo</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Tarehe…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Kuanzia</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hadi</translation>
    </message>
</context>
<context>
    <name>lipa::IntaSendClient</name>
    <message>
        <source>Could not reach IntaSend: %1</source>
        <translation>Imeshindwa kufikia IntaSend: %1</translation>
    </message>
    <message>
        <source>IntaSend refused the secret key (%1)</source>
        <translation>IntaSend imekataa ufunguo wa siri (%1)</translation>
    </message>
    <message>
        <source>IntaSend refused the public key (%1)</source>
        <translation>IntaSend imekataa ufunguo wa umma (%1)</translation>
    </message>
    <message>
        <source>IntaSend answered, but had a problem (HTTP %1). Try again later.</source>
        <translation>IntaSend imejibu, lakini ilikuwa na tatizo (HTTP %1). Jaribu tena baadaye.</translation>
    </message>
    <message>
        <source>Connected: IntaSend accepted the keys.</source>
        <translation>Imeunganishwa: IntaSend imekubali funguo.</translation>
    </message>
    <message>
        <source>Connected: IntaSend accepted the public key.</source>
        <translation>Imeunganishwa: IntaSend imekubali ufunguo wa umma.</translation>
    </message>
    <message>
        <source>Nothing answers as IntaSend at this address (HTTP 404). Check the URL.</source>
        <translation>Hakuna IntaSend inayojibu kwenye anwani hii (HTTP 404). Kagua URL.</translation>
    </message>
    <message>
        <source>IntaSend asked the till to slow down; try again in a minute.</source>
        <translation>IntaSend imeiomba till ipunguze kasi; jaribu tena baada ya dakika moja.</translation>
    </message>
    <message>
        <source>IntaSend did not accept the keys (HTTP %1%2)</source>
        <translation>IntaSend haikukubali funguo (HTTP %1%2)</translation>
    </message>
    <message>
        <source>IntaSend&apos;s answer was too large to be real (over %1 KiB)</source>
        <translation>Jibu la IntaSend ni kubwa mno kuwa la kweli (zaidi ya KiB %1)</translation>
    </message>
    <message>
        <source>Could not reach IntaSend (%1)</source>
        <translation>Imeshindwa kufikia IntaSend (%1)</translation>
    </message>
    <message>
        <source>IntaSend did not answer in time</source>
        <translation>IntaSend haikujibu kwa wakati</translation>
    </message>
    <message>
        <source>The connection to IntaSend dropped before it answered</source>
        <translation>Muunganisho na IntaSend ulikatika kabla haijajibu</translation>
    </message>
    <message>
        <source>The connection to IntaSend broke (%1)</source>
        <translation>Muunganisho na IntaSend ulivunjika (%1)</translation>
    </message>
    <message>
        <source>IntaSend refused the keys — check Settings</source>
        <translation>IntaSend imekataa funguo — kagua Mipangilio</translation>
    </message>
    <message>
        <source>IntaSend asked the till to slow down</source>
        <translation>IntaSend imeiomba till ipunguze kasi</translation>
    </message>
    <message>
        <source>IntaSend refused the request (HTTP %1)</source>
        <translation>IntaSend imekataa ombi (HTTP %1)</translation>
    </message>
    <message>
        <source>IntaSend refused the request (HTTP %1: %2)</source>
        <translation>IntaSend imekataa ombi (HTTP %1: %2)</translation>
    </message>
    <message>
        <source>IntaSend had a problem (HTTP %1)</source>
        <translation>IntaSend ilipata tatizo (HTTP %1)</translation>
    </message>
    <message>
        <source>IntaSend&apos;s invoice list needs the secret key (Settings → IntaSend)</source>
        <translation>Orodha ya ankara za IntaSend inahitaji ufunguo wa siri (Mipangilio → IntaSend)</translation>
    </message>
    <message>
        <source>IntaSend&apos;s next page points somewhere else (%1); it was not followed</source>
        <translation>Ukurasa unaofuata wa IntaSend unaelekeza mahali pengine (%1); haukufuatwa</translation>
    </message>
    <message>
        <source>A refund request needs the secret key (Settings → IntaSend)</source>
        <translation>Ombi la kurejesha pesa linahitaji ufunguo wa siri (Mipangilio → IntaSend)</translation>
    </message>
    <message>
        <source>Following a refund request needs the secret key (Settings → IntaSend)</source>
        <translation>Kufuatilia ombi la kurejesha pesa kunahitaji ufunguo wa siri (Mipangilio → IntaSend)</translation>
    </message>
</context>
<context>
    <name>lipa::IntaSendSettingsPage</name>
    <message>
        <source>Demo — built-in simulator, no real money</source>
        <translation>Majaribio — kiigaji kilichojengewa ndani, hakuna pesa halisi</translation>
    </message>
    <message>
        <source>Sandbox — IntaSend&apos;s test service</source>
        <translation>Sandbox — huduma ya majaribio ya IntaSend</translation>
    </message>
    <message>
        <source>LIVE — real money</source>
        <translation>LIVE — pesa halisi</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>URL maalum</translation>
    </message>
    <message>
        <source>Demo mode needs no keys.</source>
        <translation>Hali ya majaribio haihitaji funguo.</translation>
    </message>
    <message>
        <source>Base URL: %1</source>
        <translation>URL ya msingi: %1</translation>
    </message>
    <message>
        <source>Enter the IntaSend public key for this environment.</source>
        <translation>Andika ufunguo wa umma wa IntaSend kwa mazingira haya.</translation>
    </message>
    <message>
        <source>The public key should start with ISPubKey_.</source>
        <translation>Ufunguo wa umma unapaswa kuanza na ISPubKey_.</translation>
    </message>
    <message>
        <source>The secret key should start with ISSecretKey_.</source>
        <translation>Ufunguo wa siri unapaswa kuanza na ISSecretKey_.</translation>
    </message>
    <message>
        <source>Enter a valid base URL first.</source>
        <translation>Andika URL ya msingi iliyo sahihi kwanza.</translation>
    </message>
    <message>
        <source>Asking IntaSend…</source>
        <translation>Inauliza IntaSend…</translation>
    </message>
</context>
<context>
    <name>lipa::Journal</name>
    <message>
        <source>The journal folder %1 cannot be written to (%2). Lipa Till needs it to record payments.</source>
        <translation>Folda ya daftari %1 haiwezi kuandikiwa (%2). Lipa Till inaihitaji ili kurekodi malipo.</translation>
    </message>
    <message>
        <source>The journal %1 is damaged (%2). It was moved to %3 and kept; nothing was deleted.</source>
        <translation>Daftari %1 limeharibika (%2). Limehamishiwa %3 na kuhifadhiwa; hakuna kilichofutwa.</translation>
    </message>
    <message>
        <source>The journal %1 is damaged (%2) and could not be moved aside.</source>
        <translation>Daftari %1 limeharibika (%2) na halikuweza kuhamishwa kando.</translation>
    </message>
    <message>
        <source>The journal %1 is in use by another Lipa Till. Close the other till first.</source>
        <translation>Daftari %1 linatumiwa na Lipa Till nyingine. Funga till hiyo nyingine kwanza.</translation>
    </message>
    <message>
        <source>The journal %1 cannot be written (%2).</source>
        <translation>Daftari %1 haliwezi kuandikiwa (%2).</translation>
    </message>
    <message>
        <source>The disk is full: the journal %1 cannot grow.</source>
        <translation>Diski imejaa: daftari %1 haliwezi kukua.</translation>
    </message>
    <message>
        <source>The journal %1 cannot be opened (%2).</source>
        <translation>Daftari %1 haliwezi kufunguliwa (%2).</translation>
    </message>
    <message>
        <source>The journal %1 was written by a newer Lipa Till (format %2; this one reads up to %3). Install the newer version; the file was not changed.</source>
        <translation>Daftari %1 liliandikwa na Lipa Till mpya zaidi (muundo %2; hii inasoma hadi %3). Sakinisha toleo jipya; faili halikubadilishwa.</translation>
    </message>
    <message>
        <source>The journal %1 could not be upgraded (%2). The file was not changed.</source>
        <translation>Daftari %1 halikuweza kusasishwa (%2). Faili halikubadilishwa.</translation>
    </message>
    <message>
        <source>A new journal could not be created at %1 (%2).</source>
        <translation>Daftari jipya halikuweza kuundwa kwenye %1 (%2).</translation>
    </message>
    <message>
        <source>The journal %1 cannot use write-ahead logging on this disk.</source>
        <translation>Daftari %1 haliwezi kutumia write-ahead logging kwenye diski hii.</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Diski imejaa</translation>
    </message>
    <message>
        <source>The journal cannot be written</source>
        <translation>Daftari haliwezi kuandikiwa</translation>
    </message>
    <message>
        <source>The journal is in use by another program</source>
        <translation>Daftari linatumiwa na programu nyingine</translation>
    </message>
    <message>
        <source>The journal is damaged</source>
        <translation>Daftari limeharibika</translation>
    </message>
    <message>
        <source>No such payment in the journal</source>
        <translation>Hakuna malipo kama hayo kwenye daftari</translation>
    </message>
    <message>
        <source>This shift is already closed.</source>
        <translation>Zamu hii imeshafungwa.</translation>
    </message>
    <message>
        <source>No such refund in the journal</source>
        <translation>Hakuna marejesho kama hayo kwenye daftari</translation>
    </message>
    <message>
        <source>only %1 of its %2 lines were kept</source>
        <translation>mistari %1 tu kati ya %2 ndiyo iliyohifadhiwa</translation>
    </message>
    <message>
        <source>This sale is already closed.</source>
        <translation>Mauzo haya yameshafungwa.</translation>
    </message>
</context>
<context>
    <name>lipa::KeyStore</name>
    <message>
        <source>The keys are kept in this computer&apos;s keyring.</source>
        <translation>Funguo zimehifadhiwa kwenye keyring ya kompyuta hii.</translation>
    </message>
    <message>
        <source>This computer has no keyring: the keys are kept in %1, which only this user can read.</source>
        <translation>Kompyuta hii haina keyring: funguo zimehifadhiwa kwenye %1, ambalo mtumiaji huyu pekee anaweza kusoma.</translation>
    </message>
    <message>
        <source>The keys could not be saved to %1: %2</source>
        <translation>Funguo hazikuweza kuhifadhiwa kwenye %1: %2</translation>
    </message>
    <message>
        <source>The keys could not be saved safely to %1</source>
        <translation>Funguo hazikuweza kuhifadhiwa kwa usalama kwenye %1</translation>
    </message>
</context>
<context>
    <name>lipa::MainWindow</name>
    <message>
        <source>Demo mode — no real money. Payments go to the built-in IntaSend simulator.</source>
        <translation>Hali ya majaribio — hakuna pesa halisi. Malipo yanaenda kwa kiigaji cha IntaSend kilichojengewa ndani.</translation>
    </message>
    <message>
        <source>LIVE — real money</source>
        <translation>LIVE — pesa halisi</translation>
    </message>
    <message>
        <source>CUSTOM — %1</source>
        <translation>CUSTOM — %1</translation>
    </message>
    <message>
        <source>SANDBOX — test money</source>
        <translation>SANDBOX — pesa za majaribio</translation>
    </message>
    <message>
        <source>DEMO — no real money</source>
        <translation>DEMO — hakuna pesa halisi</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Malipo</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Hamisha CSV…</translation>
    </message>
    <message>
        <source>Save the payments shown as a spreadsheet file (Ctrl+E)</source>
        <translation>Hifadhi malipo yanayoonyeshwa kama faili la lahajedwali (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Hamisha CSV</translation>
    </message>
    <message>
        <source>Check now (F5)</source>
        <translation>Angalia sasa (F5)</translation>
    </message>
    <message>
        <source>Ask IntaSend about the selected payment now (F5)</source>
        <translation>Uliza IntaSend kuhusu malipo yaliyochaguliwa sasa (F5)</translation>
    </message>
    <message>
        <source>Resend… (F8)</source>
        <translation>Tuma tena… (F8)</translation>
    </message>
    <message>
        <source>Send the selected failed, expired or unknown payment again, after one last check of it (F8)</source>
        <translation>Tuma tena malipo yaliyochaguliwa yaliyoshindwa, yaliyopitwa na muda au yasiyojulikana, baada ya ukaguzi wa mwisho (F8)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Faili</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>&amp;Malipo</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>&amp;Zamu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Mwonekano</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Angalia sasa</translation>
    </message>
    <message>
        <source>&amp;Resend…</source>
        <translation>&amp;Tuma tena…</translation>
    </message>
    <message>
        <source>Send a failed, expired or unknown payment again, after a last check (F8)</source>
        <translation>Tuma tena malipo yaliyoshindwa, yaliyopitwa na muda au yasiyojulikana, baada ya ukaguzi wa mwisho (F8)</translation>
    </message>
    <message>
        <source>Use c&amp;ash…</source>
        <translation>Tumia pesa &amp;taslimu…</translation>
    </message>
    <message>
        <source>The customer pays in cash instead (F9)</source>
        <translation>Mteja analipa kwa pesa taslimu badala yake (F9)</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>&amp;Chapisha risiti…</translation>
    </message>
    <message>
        <source>Save receipt as P&amp;DF…</source>
        <translation>Hifadhi risiti kama P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>Ma&amp;elezo</translation>
    </message>
    <message>
        <source>On-screen &amp;keypad</source>
        <translation>&amp;Vitufe vya skrini</translation>
    </message>
    <message>
        <source>&amp;Search payments</source>
        <translation>Ta&amp;futa malipo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>M&amp;ipangilio…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Hamisha CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ondoka</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>M&amp;saada</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Njia za &amp;mkato za kibodi</translation>
    </message>
    <message>
        <source>&amp;About Lipa Till</source>
        <translation>&amp;Kuhusu Lipa Till</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Futa fomu</translation>
    </message>
    <message>
        <source>Demo mode — no real money. Open Settings to connect your IntaSend account.</source>
        <translation>Hali ya majaribio — hakuna pesa halisi. Fungua Mipangilio ili kuunganisha akaunti yako ya IntaSend.</translation>
    </message>
    <message>
        <source>Opening Settings</source>
        <translation>Kufungua Mipangilio</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Mazingira</translation>
    </message>
    <message>
        <source>Exporting payments</source>
        <translation>Kuhamisha malipo</translation>
    </message>
    <message>
        <source>Export payments</source>
        <translation>Hamisha malipo</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Faili za CSV (*.csv)</translation>
    </message>
    <message>
        <source>The export could not be saved to %1: %2</source>
        <translation>Uhamishaji haukuweza kuhifadhiwa kwenye %1: %2</translation>
    </message>
    <message>
        <source>Exported 1 payment to %1</source>
        <translation>Malipo 1 yamehamishiwa %1</translation>
    </message>
    <message>
        <source>Exported %1 payments to %2</source>
        <translation>Malipo %1 yamehamishiwa %2</translation>
    </message>
    <message>
        <source>About Lipa Till</source>
        <translation>Kuhusu Lipa Till</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lipa Till %1&lt;/h3&gt;&lt;p&gt;M-Pesa payments at the counter through IntaSend.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lipa Till %1&lt;/h3&gt;&lt;p&gt;Malipo ya M-Pesa kaunta kupitia IntaSend.&lt;/p&gt;&lt;p&gt;Imejengwa kwa Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Tayari</translation>
    </message>
    <message>
        <source>● Connected to the IntaSend simulator</source>
        <translation>● Imeunganishwa na kiigaji cha IntaSend</translation>
    </message>
    <message>
        <source>● Connected to IntaSend</source>
        <translation>● Imeunganishwa na IntaSend</translation>
    </message>
    <message>
        <source>● Offline — cannot reach IntaSend</source>
        <translation>● Nje ya mtandao — haiwezi kufikia IntaSend</translation>
    </message>
    <message>
        <source>Give the cash back</source>
        <translation>Rudisha pesa taslimu</translation>
    </message>
    <message>
        <source>%1 from %2 was settled in cash, and then the customer approved the M-Pesa request as well (receipt %3).

The customer has paid twice: give them their cash back.</source>
        <translation>%1 kutoka %2 yalilipwa kwa pesa taslimu, kisha mteja akaidhinisha ombi la M-Pesa pia (risiti %3).

Mteja amelipa mara mbili: mrudishie pesa zake taslimu.</translation>
    </message>
    <message>
        <source>Shop database</source>
        <translation>Hifadhidata ya duka</translation>
    </message>
    <message>
        <source>&amp;Shop — every till</source>
        <translation>&amp;Duka — till zote</translation>
    </message>
    <message>
        <source>Opening the shop view</source>
        <translation>Kufungua dirisha la duka</translation>
    </message>
    <message>
        <source>&lt;p&gt;Till identity (till/id): %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Utambulisho wa till (till/id): %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open cash &amp;drawer</source>
        <translation>Fungua &amp;droo ya pesa</translation>
    </message>
    <message>
        <source>C&amp;ustomer display</source>
        <translation>Skrini ya m&amp;teja</translation>
    </message>
    <message>
        <source>A window for the customer: the amount, the phone and whether it is paid</source>
        <translation>Dirisha la mteja: kiasi, simu na kama imelipwa</translation>
    </message>
    <message>
        <source>Opening the cash drawer</source>
        <translation>Kufungua droo ya pesa</translation>
    </message>
    <message>
        <source>Cash drawer opened</source>
        <translation>Droo ya pesa imefunguliwa</translation>
    </message>
    <message>
        <source>There is no screen %1 for the customer display (till/customer_display): it is shown as a window instead.</source>
        <translation>Hakuna skrini %1 ya skrini ya mteja (till/customer_display): inaonyeshwa kama dirisha badala yake.</translation>
    </message>
    <message>
        <source>Card or &amp;QR…</source>
        <translation>Kadi au &amp;QR…</translation>
    </message>
    <message>
        <source>The customer pays by card or M-Pesa on their own phone, from a QR code</source>
        <translation>Mteja analipa kwa kadi au M-Pesa kwenye simu yake mwenyewe, kupitia msimbo wa QR</translation>
    </message>
    <message>
        <source>Type the amount and the customer&apos;s phone, then press F6</source>
        <translation>Andika kiasi na simu ya mteja, kisha bonyeza F6</translation>
    </message>
</context>
<context>
    <name>lipa::MessageArea</name>
    <message>
        <source>Open Settings (Ctrl+,)</source>
        <translation>Fungua Mipangilio (Ctrl+,)</translation>
    </message>
    <message>
        <source>Connection problem</source>
        <translation>Tatizo la muunganisho</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Ondoa ujumbe</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Ondoa ujumbe huu</translation>
    </message>
</context>
<context>
    <name>lipa::Money</name>
    <message>
        <source>Enter an amount</source>
        <translation>Andika kiasi</translation>
    </message>
    <message>
        <source>The amount must be more than zero</source>
        <translation>Kiasi lazima kiwe zaidi ya sifuri</translation>
    </message>
    <message>
        <source>Use digits only, e.g. 1500</source>
        <translation>Tumia tarakimu pekee, mf. 1500</translation>
    </message>
    <message>
        <source>Whole shillings only: M-Pesa does not take cents</source>
        <translation>Shilingi kamili pekee: M-Pesa haipokei senti</translation>
    </message>
    <message>
        <source>Type the amount with the digits 0 to 9</source>
        <translation>Andika kiasi kwa tarakimu 0 hadi 9</translation>
    </message>
    <message>
        <source>Misplaced comma: write 1500 or 1,500</source>
        <translation>Koma iko mahali pasipo sahihi: andika 1500 au 1,500</translation>
    </message>
    <message>
        <source>The most one payment can be is KES %1</source>
        <translation>Malipo moja hayawezi kuzidi KES %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount</source>
        <translation>&quot;%1&quot; si kiasi</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has fractions of a cent</source>
        <translation>&quot;%1&quot; ina sehemu za senti</translation>
    </message>
</context>
<context>
    <name>lipa::NumericKeypad</name>
    <message>
        <source>On-screen keypad</source>
        <translation>Vitufe vya skrini</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Ifuatayo</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>Sehemu inayofuata</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Ingiza</translation>
    </message>
</context>
<context>
    <name>lipa::PaymentActions</name>
    <message>
        <source>Checking the earlier request with IntaSend…</source>
        <translation>Inakagua ombi la awali na IntaSend…</translation>
    </message>
    <message>
        <source>The till could not ask IntaSend about it just now; the customer may have paid it late.</source>
        <translation>Till haikuweza kuuliza IntaSend kuhusu hilo sasa hivi; huenda mteja amelipa kwa kuchelewa.</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>Tayari imelipwa</translation>
    </message>
    <message>
        <source>%1 from %2 requested at %3 has been paid (M-Pesa receipt %4). Nothing was sent.</source>
        <translation>%1 kutoka %2 iliyoombwa saa %3 imelipwa (risiti ya M-Pesa %4). Hakuna kilichotumwa.</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>haikutolewa</translation>
    </message>
    <message>
        <source>1 second ago</source>
        <translation>sekunde 1 iliyopita</translation>
    </message>
    <message>
        <source>%1 seconds ago</source>
        <translation>sekunde %1 zilizopita</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>dakika %1 zilizopita</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>saa %1 zilizopita</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>tarehe %1</translation>
    </message>
    <message>
        <source>it may already have reached the customer&apos;s phone (Unknown)</source>
        <translation>huenda tayari limefika kwenye simu ya mteja (Haijulikani)</translation>
    </message>
    <message>
        <source>the customer did not answer in time, but may still have paid (Expired)</source>
        <translation>mteja hakujibu kwa wakati, lakini huenda bado amelipa (Imepitwa na muda)</translation>
    </message>
    <message>
        <source>it is not finished (%1)</source>
        <translation>halijakamilika (%1)</translation>
    </message>
    <message>
        <source>%1 to %2 was already requested %3 (at %4), and %5.</source>
        <translation>%1 kwa %2 tayari iliombwa %3 (saa %4), na %5.</translation>
    </message>
    <message>
        <source>Charging again sends a second payment request to the customer&apos;s phone.</source>
        <translation>Kulipisha tena kunatuma ombi la pili la malipo kwa simu ya mteja.</translation>
    </message>
    <message>
        <source>Charge again?</source>
        <translation>Lipisha tena?</translation>
    </message>
    <message>
        <source>C&amp;harge again</source>
        <translation>Li&amp;pisha tena</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t charge</source>
        <translation>&amp;Usilipishe</translation>
    </message>
    <message>
        <source>There is no payment to send again</source>
        <translation>Hakuna malipo ya kutuma tena</translation>
    </message>
    <message>
        <source>%1 to %2, requested at %3.</source>
        <translation>%1 kwa %2, yaliyoombwa saa %3.</translation>
    </message>
    <message>
        <source>Not sent again</source>
        <translation>Hayakutumwa tena</translation>
    </message>
    <message>
        <source>Try again?</source>
        <translation>Jaribu tena?</translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>Tuma tena?</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Jaribu tena</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Tuma tena</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>&amp;Usitume</translation>
    </message>
    <message>
        <source>Wait for IntaSend&apos;s answer before taking cash</source>
        <translation>Subiri jibu la IntaSend kabla ya kupokea pesa taslimu</translation>
    </message>
    <message>
        <source>This payment is %1: there is nothing to settle in cash</source>
        <translation>Malipo haya ni %1: hakuna cha kulipwa kwa pesa taslimu</translation>
    </message>
    <message>
        <source>Use cash?</source>
        <translation>Tumia pesa taslimu?</translation>
    </message>
    <message>
        <source>Record %1 from %2 as paid in cash?</source>
        <translation>Rekodi %1 kutoka %2 kama imelipwa kwa pesa taslimu?</translation>
    </message>
    <message>
        <source>IntaSend never confirmed this M-Pesa request, so the till cannot see whether the customer approves it. Ask them to cancel it on their phone, or to check that no prompt came, before you take the cash.</source>
        <translation>IntaSend haikuthibitisha ombi hili la M-Pesa, kwa hivyo till haiwezi kuona kama mteja ataliidhinisha. Mwombe alikatae kwenye simu yake, au ahakikishe kwamba hakuna ombi lililokuja, kabla ya kupokea pesa taslimu.</translation>
    </message>
    <message>
        <source>The customer&apos;s phone may still show the M-Pesa request. Ask them to cancel it before you take the cash. If they approve it anyway, the till tells you to give the cash back.</source>
        <translation>Simu ya mteja huenda bado inaonyesha ombi la M-Pesa. Mwombe alighairi kabla hujapokea pesa taslimu. Akiliidhinisha hata hivyo, till itakuambia umrudishie pesa taslimu.</translation>
    </message>
    <message>
        <source>Take &amp;cash</source>
        <translation>Pokea pesa &amp;taslimu</translation>
    </message>
    <message>
        <source>&amp;Keep waiting</source>
        <translation>&amp;Endelea kusubiri</translation>
    </message>
    <message>
        <source>Checking the payment with IntaSend before taking cash…</source>
        <translation>Inakagua malipo na IntaSend kabla ya kupokea pesa taslimu…</translation>
    </message>
    <message>
        <source>Do not take cash</source>
        <translation>Usipokee pesa taslimu</translation>
    </message>
    <message>
        <source>%1 from %2 recorded as paid in cash</source>
        <translation>%1 kutoka %2 imerekodiwa kama imelipwa kwa pesa taslimu</translation>
    </message>
    <message>
        <source>There is no payment to print</source>
        <translation>Hakuna malipo ya kuchapisha</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Risiti</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>sekunde %1 zilizopita</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>dakika %1 zilizopita</translation>
    </message>
    <message>
        <source>another till</source>
        <translation>till nyingine</translation>
    </message>
    <message>
        <source>at %1, %2, %3</source>
        <translation>kwenye %1, %2, %3</translation>
    </message>
    <message>
        <source>The other tills could not be asked just now.</source>
        <translation>Till nyingine hazikuweza kuulizwa sasa hivi.</translation>
    </message>
    <message>
        <source>It is also open %1.</source>
        <translation>Pia liko wazi %1.</translation>
    </message>
    <message>
        <source>%1 to %2 was already requested at another counter: %3.</source>
        <translation>%1 kwa %2 tayari iliombwa kwenye kaunta nyingine: %3.</translation>
    </message>
    <message>
        <source>It goes to %1 this time.</source>
        <translation>Safari hii yanaenda kwa %1.</translation>
    </message>
    <message>
        <source>Start the sale again?</source>
        <translation>Anza mauzo tena?</translation>
    </message>
    <message>
        <source>A sale of %1 to %2 is already open (started at %3): %4.</source>
        <translation>Mauzo ya %1 kwa %2 bado yako wazi (yalianza saa %3): %4.</translation>
    </message>
    <message>
        <source>A new sale sends new payment requests to the customer&apos;s phone. To go on with the open sale instead, choose Show the open sale.</source>
        <translation>Mauzo mapya hutuma maombi mapya ya malipo kwenye simu ya mteja. Kuendelea na mauzo yaliyo wazi badala yake, chagua Onyesha mauzo yaliyo wazi.</translation>
    </message>
    <message>
        <source>Start a &amp;new sale</source>
        <translation>Anza mauzo &amp;mapya</translation>
    </message>
    <message>
        <source>&amp;Show the open sale</source>
        <translation>&amp;Onyesha mauzo yaliyo wazi</translation>
    </message>
    <message>
        <source>A part of this sale is still waiting for the customer: wait for it, or check it (F5)</source>
        <translation>Sehemu ya mauzo haya bado inamsubiri mteja: isubiri, au iangalie (F5)</translation>
    </message>
    <message>
        <source>Send the next part?</source>
        <translation>Tuma sehemu inayofuata?</translation>
    </message>
    <message>
        <source>Send %1 to %2: part %3 of %4 of the sale of %5?</source>
        <translation>Tuma %1 kwa %2: sehemu %3 kati ya %4 ya mauzo ya %5?</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Tuma</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Haikutumwa</translation>
    </message>
    <message>
        <source>There is no open sale to pay from another phone</source>
        <translation>Hakuna mauzo yaliyo wazi ya kulipwa kwa simu nyingine</translation>
    </message>
    <message>
        <source>Another phone</source>
        <translation>Simu nyingine</translation>
    </message>
    <message>
        <source>The rest of the sale (%1) from which phone?</source>
        <translation>Salio la mauzo (%1) kutoka simu ipi?</translation>
    </message>
    <message>
        <source>Rest in cash?</source>
        <translation>Salio kwa pesa taslimu?</translation>
    </message>
    <message>
        <source>Record %1, the rest of the sale of %2, as paid in cash?</source>
        <translation>Andika %1, salio la mauzo ya %2, kama limelipwa kwa pesa taslimu?</translation>
    </message>
    <message>
        <source>Part %1 may still reach the customer&apos;s phone. Ask them to cancel it before you take the cash. If they approve it anyway, the till tells you to give the cash back.</source>
        <translation>Sehemu %1 bado inaweza kufika kwenye simu ya mteja. Mwombe aikatae kabla hujapokea pesa taslimu. Akiikubali hata hivyo, till itakuambia umrudishie pesa taslimu.</translation>
    </message>
    <message>
        <source>Checking the sale with IntaSend before taking cash…</source>
        <translation>Inaangalia mauzo na IntaSend kabla ya kupokea pesa taslimu…</translation>
    </message>
    <message>
        <source>%1, the rest of the sale, recorded as paid in cash</source>
        <translation>%1, salio la mauzo, limeandikwa kama limelipwa kwa pesa taslimu</translation>
    </message>
    <message>
        <source>There is no open sale to close</source>
        <translation>Hakuna mauzo yaliyo wazi ya kufunga</translation>
    </message>
    <message>
        <source>Close the sale short</source>
        <translation>Funga mauzo bila salio</translation>
    </message>
    <message>
        <source>The sale closes without the %1 still to pay. Why?</source>
        <translation>Mauzo yanafungwa bila %1 ambazo bado hazijalipwa. Kwa nini?</translation>
    </message>
    <message>
        <source>The sale was closed short</source>
        <translation>Mauzo yamefungwa bila salio</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>Hayajafungwa</translation>
    </message>
    <message>
        <source>Closing a sale short</source>
        <translation>Kufunga mauzo bila salio</translation>
    </message>
    <message>
        <source>Ask the customer to cancel that request on their phone first: if they approve it and also pay by card or QR, they pay twice.</source>
        <translation>Mwombe mteja kwanza akatae ombi hilo kwenye simu yake: akilikubali na pia akalipa kwa kadi au QR, atalipa mara mbili.</translation>
    </message>
    <message>
        <source>It is a sale in parts: %1.</source>
        <translation>Ni mauzo ya sehemu: %1.</translation>
    </message>
</context>
<context>
    <name>lipa::PaymentDetailsDialog</name>
    <message>
        <source>Payment details</source>
        <translation>Maelezo ya malipo</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>Payment history</source>
        <translation>Historia ya malipo</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Muda</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Mabadiliko</translation>
    </message>
    <message>
        <source>IntaSend state</source>
        <translation>Hali kwa IntaSend</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Maelezo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Angalia sasa</translation>
    </message>
    <message>
        <source>Ask IntaSend about this payment now (F5)</source>
        <translation>Uliza IntaSend kuhusu malipo haya sasa (F5)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kiasi</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Mteja</translation>
    </message>
    <message>
        <source>M-Pesa receipt</source>
        <translation>Risiti ya M-Pesa</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Yaliundwa</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Badiliko la mwisho</translation>
    </message>
    <message>
        <source>Local reference</source>
        <translation>Kumbukumbu ya ndani</translation>
    </message>
    <message>
        <source>IntaSend invoice</source>
        <translation>Ankara ya IntaSend</translation>
    </message>
    <message>
        <source>Sent again in place of</source>
        <translation>Imetumwa tena badala ya</translation>
    </message>
    <message>
        <source>Sent again as</source>
        <translation>Imetumwa tena kama</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>M-Pesa result code</source>
        <translation>Msimbo wa matokeo wa M-Pesa</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Re-sends</source>
        <translation>Yaliyotumwa tena</translation>
    </message>
    <message>
        <source>Recorded as %1</source>
        <translation>Imerekodiwa kama %1</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Marejesho ya pesa</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <source>IntaSend&apos;s request id</source>
        <translation>Kitambulisho cha ombi kwa IntaSend</translation>
    </message>
    <message>
        <source>IntaSend says</source>
        <translation>IntaSend inasema</translation>
    </message>
    <message>
        <source>Print refund &amp;slip…</source>
        <translation>Chapisha &amp;stakabadhi ya kurejesha pesa…</translation>
    </message>
    <message>
        <source>The slip of the refund chosen above (else the newest), for the customer</source>
        <translation>Stakabadhi ya marejesho yaliyochaguliwa hapo juu (la sivyo, ya karibuni zaidi), ya kumpa mteja</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Makato</translation>
    </message>
    <message>
        <source>Net to wallet</source>
        <translation>Kiasi halisi kwenye pochi</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Refund slip</source>
        <translation>Stakabadhi ya kurejesha pesa</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Mauzo</translation>
    </message>
    <message>
        <source>Part %1 of %2 of a sale of %3: %4</source>
        <translation>Sehemu %1 kati ya %2 ya mauzo ya %3: %4</translation>
    </message>
    <message>
        <source>%1/%2 %3 %4 %5 %6</source>
        <translation>%1/%2 %3 %4 %5 %6</translation>
    </message>
    <message>
        <source>Parts of the sale</source>
        <translation>Sehemu za mauzo</translation>
    </message>
    <message>
        <source>Closed short</source>
        <translation>Yamefungwa bila salio</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
</context>
<context>
    <name>lipa::PaymentListModel</name>
    <message>
        <source>Sending the request to the customer&apos;s phone…</source>
        <translation>Inatuma ombi kwa simu ya mteja…</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s M-Pesa PIN</source>
        <translation>Inasubiri PIN ya M-Pesa ya mteja</translation>
    </message>
    <message>
        <source>M-Pesa is processing the payment</source>
        <translation>M-Pesa inashughulikia malipo</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>Imetumwa tena</translation>
    </message>
    <message>
        <source>%1 (sent again)</source>
        <translation>%1 (imetumwa tena)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Muda</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Mteja</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kiasi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>M-Pesa receipt</source>
        <translation>Risiti ya M-Pesa</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Maelezo</translation>
    </message>
    <message>
        <source>Part %1 of %2 of a sale taken in several payments</source>
        <translation>Sehemu %1 kati ya %2 ya mauzo yaliyolipwa kwa malipo kadhaa</translation>
    </message>
    <message>
        <source>card/QR</source>
        <translation>kadi/QR</translation>
    </message>
    <message>
        <source>card/QR · %1</source>
        <translation>kadi/QR · %1</translation>
    </message>
</context>
<context>
    <name>lipa::PaymentRules</name>
    <message>
        <source>Settled in cash. IntaSend still showed the M-Pesa request as open, though the prompt on the phone has timed out. Check now (F5) asks IntaSend again.</source>
        <translation>Yamelipwa kwa pesa taslimu. IntaSend bado ilionyesha ombi la M-Pesa kuwa wazi, ingawa muda wa ombi kwenye simu umekwisha. Angalia sasa (F5) huiuliza IntaSend tena.</translation>
    </message>
    <message>
        <source>IntaSend reports %1 for this payment of %2</source>
        <translation>IntaSend inaripoti %1 kwa malipo haya ya %2</translation>
    </message>
    <message>
        <source>Paid by M-Pesa as well, after the sale was settled in cash: give the customer their cash back.</source>
        <translation>Yamelipwa kwa M-Pesa pia, baada ya mauzo kulipwa kwa pesa taslimu: mrudishie mteja pesa zake taslimu.</translation>
    </message>
    <message>
        <source>Could not reach IntaSend — nothing was charged</source>
        <translation>Imeshindwa kufikia IntaSend — hakuna kilichotozwa</translation>
    </message>
    <message>
        <source>IntaSend asked the till to slow down — nothing was charged</source>
        <translation>IntaSend imeiomba till ipunguze kasi — hakuna kilichotozwa</translation>
    </message>
    <message>
        <source>The request may have reached the customer&apos;s phone (%1). Do not charge again before checking with the customer.</source>
        <translation>Huenda ombi limefika kwenye simu ya mteja (%1). Usilipishe tena kabla ya kuongea na mteja.</translation>
    </message>
    <message>
        <source>No answer from the customer within a minute. Check again before charging again.</source>
        <translation>Hakuna jibu kutoka kwa mteja ndani ya dakika moja. Kagua tena kabla ya kulipisha tena.</translation>
    </message>
    <message>
        <source>No answer from the customer within %1 minutes. Check again before charging again.</source>
        <translation>Hakuna jibu kutoka kwa mteja ndani ya dakika %1. Kagua tena kabla ya kulipisha tena.</translation>
    </message>
</context>
<context>
    <name>lipa::PaymentState</name>
    <message>
        <source>Sending</source>
        <translation>Inatuma</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Inasubiri</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Inashughulikiwa</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Imelipwa</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Imeshindwa</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Imepitwa na muda</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Haikutumwa</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Haijulikani</translation>
    </message>
    <message>
        <source>Paid in cash</source>
        <translation>Pesa taslimu</translation>
    </message>
</context>
<context>
    <name>lipa::PhoneNumber</name>
    <message>
        <source>Wrong length: a Kenyan mobile number has 10 digits, e.g. 0712 345 678</source>
        <translation>Urefu si sahihi: nambari ya simu ya Kenya ina tarakimu 10, mf. 0712 345 678</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s phone number</source>
        <translation>Andika nambari ya simu ya mteja</translation>
    </message>
    <message>
        <source>Type the number with the digits 0 to 9</source>
        <translation>Andika nambari kwa tarakimu 0 hadi 9</translation>
    </message>
    <message>
        <source>Use digits only, e.g. 0712 345 678</source>
        <translation>Tumia tarakimu pekee, mf. 0712 345 678</translation>
    </message>
    <message>
        <source>Not a Kenyan number: it must start with +254</source>
        <translation>Si nambari ya Kenya: lazima ianze na +254</translation>
    </message>
    <message>
        <source>Not a Kenyan mobile number: it must start with 07 or 01</source>
        <translation>Si nambari ya simu ya Kenya: lazima ianze na 07 au 01</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a normalised Kenyan mobile number</source>
        <translation>&quot;%1&quot; si nambari ya simu ya Kenya iliyosanifishwa</translation>
    </message>
</context>
<context>
    <name>lipa::PinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>PIN ya meneja</translation>
    </message>
    <message>
        <source>%1 needs the manager PIN.</source>
        <translation>%1 kunahitaji PIN ya meneja.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Sawa</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 seconds.</source>
        <translation>PIN zisizo sahihi ni nyingi mno. Jaribu tena baada ya sekunde %1.</translation>
    </message>
    <message>
        <source>Wrong PIN. Try again in %1 seconds.</source>
        <translation>PIN si sahihi. Jaribu tena baada ya sekunde %1.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN si sahihi.</translation>
    </message>
</context>
<context>
    <name>lipa::Printouts</name>
    <message>
        <source>Payment receipt</source>
        <translation>Risiti ya malipo</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Muda</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kiasi</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Simu</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Imelipwa kwa</translation>
    </message>
    <message>
        <source>M-Pesa receipt</source>
        <translation>Risiti ya M-Pesa</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Pesa taslimu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>Reference %1</source>
        <translation>Kumbukumbu %1</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>Imechapishwa %1</translation>
    </message>
    <message>
        <source>NOT PAID — this is not a receipt for payment</source>
        <translation>HAIJALIPWA — hii si risiti ya malipo</translation>
    </message>
    <message>
        <source>X report (shift still open)</source>
        <translation>Ripoti X (zamu bado iko wazi)</translation>
    </message>
    <message>
        <source>Z report (shift closed)</source>
        <translation>Ripoti Z (zamu imefungwa)</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Keshia</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ilifunguliwa</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ilifungwa</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Imechapishwa</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Malipo</translation>
    </message>
    <message>
        <source>Paid by M-Pesa</source>
        <translation>Yaliyolipwa kwa M-Pesa</translation>
    </message>
    <message>
        <source>Paid in cash</source>
        <translation>Yaliyolipwa kwa pesa taslimu</translation>
    </message>
    <message>
        <source>Total taken</source>
        <translation>Jumla iliyopokelewa</translation>
    </message>
    <message>
        <source>No unresolved payments.</source>
        <translation>Hakuna malipo yasiyotatuliwa.</translation>
    </message>
    <message>
        <source>Unresolved — check these before trusting the totals:</source>
        <translation>Yasiyotatuliwa — yakague kabla ya kuamini jumla:</translation>
    </message>
    <message>
        <source>Cash for earlier shifts&apos; sales × %1</source>
        <translation>Pesa taslimu za mauzo ya zamu zilizopita × %1</translation>
    </message>
    <message>
        <source>Refund request</source>
        <translation>Ombi la kurejesha pesa</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Liliombwa</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Malipo</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Imelipwa</translation>
    </message>
    <message>
        <source>Refund asked</source>
        <translation>Kiasi kilichoombwa kurejeshwa</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Maelezo</translation>
    </message>
    <message>
        <source>IntaSend&apos;s request id</source>
        <translation>Kitambulisho cha ombi kwa IntaSend</translation>
    </message>
    <message>
        <source>not given yet</source>
        <translation>bado hakijatolewa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>IntaSend says</source>
        <translation>IntaSend inasema</translation>
    </message>
    <message>
        <source>IntaSend&apos;s staff process refund requests; the customer is told when it is done.</source>
        <translation>Wafanyakazi wa IntaSend hushughulikia maombi ya kurejesha pesa; mteja hujulishwa ombi linapokamilika.</translation>
    </message>
    <message>
        <source>Refunds requested × %1: %2; completed × %3: %4</source>
        <translation>Marejesho yaliyoombwa × %1: %2; yaliyokamilika × %3: %4</translation>
    </message>
    <message>
        <source>Refunds requested × %1</source>
        <translation>Marejesho yaliyoombwa × %1</translation>
    </message>
    <message>
        <source>Refunds completed × %1</source>
        <translation>Marejesho yaliyokamilika × %1</translation>
    </message>
    <message>
        <source>IntaSend reconciliation</source>
        <translation>Ulinganisho na IntaSend</translation>
    </message>
    <message>
        <source>Not reconciled with IntaSend for this shift.</source>
        <translation>Zamu hii haijalinganishwa na IntaSend.</translation>
    </message>
    <message>
        <source>Sale receipt</source>
        <translation>Risiti ya mauzo</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumla</translation>
    </message>
    <message>
        <source>Part %1/%2</source>
        <translation>Sehemu %1/%2</translation>
    </message>
    <message>
        <source>Not paid (sale closed short)</source>
        <translation>Haijalipwa (mauzo yamefungwa bila salio)</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Bado kulipwa</translation>
    </message>
    <message>
        <source>Sale %1</source>
        <translation>Mauzo %1</translation>
    </message>
    <message>
        <source>NOT PAID IN FULL — this is not a receipt for the whole sale</source>
        <translation>HAIJALIPWA YOTE — hii si risiti ya mauzo yote</translation>
    </message>
    <message>
        <source>Sales in parts × %1: %2</source>
        <translation>Mauzo kwa sehemu × %1: %2</translation>
    </message>
    <message>
        <source>%1 %2 sale of %3, %4 to pay</source>
        <translation>%1 %2 mauzo ya %3, %4 bado kulipwa</translation>
    </message>
    <message>
        <source>Sales in parts × %1</source>
        <translation>Mauzo kwa sehemu × %1</translation>
    </message>
    <message>
        <source>Open sales — not paid in full:</source>
        <translation>Mauzo yaliyo wazi — hayajalipwa yote:</translation>
    </message>
    <message>
        <source>Card/QR (IntaSend checkout)</source>
        <translation>Kadi/QR (ukurasa wa malipo wa IntaSend)</translation>
    </message>
    <message>
        <source>IntaSend invoice</source>
        <translation>Ankara ya IntaSend</translation>
    </message>
    <message>
        <source>Paid by card/QR × %1</source>
        <translation>Imelipwa kwa kadi/QR × %1</translation>
    </message>
</context>
<context>
    <name>lipa::PrivateFiles</name>
    <message>
        <source>it is a symbolic link. Lipa Till does not follow links in its data folder, so that nothing it writes can end up somewhere else; remove the link</source>
        <translation>ni kiungo (symbolic link). Lipa Till haifuati viungo katika folda yake ya data, ili chochote inachoandika kisiishie mahali pengine; ondoa kiungo hicho</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>si faili ya kawaida</translation>
    </message>
    <message>
        <source>it cannot be created</source>
        <translation>haiwezi kuundwa</translation>
    </message>
</context>
<context>
    <name>lipa::ReconcileDialog</name>
    <message>
        <source>Reconcile with IntaSend</source>
        <translation>Linganisha na IntaSend</translation>
    </message>
    <message>
        <source>Reconciling needs IntaSend&apos;s secret key (Settings → IntaSend)</source>
        <translation>Kulinganisha kunahitaji ufunguo wa siri wa IntaSend (Mipangilio → IntaSend)</translation>
    </message>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>&amp;Chapisha… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation>Hifadhi P&amp;DF…</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>Hifadhi CS&amp;V…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>Ki&amp;pindi:</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kipindi</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>Zamu hii</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Leo</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Jana</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Tarehe…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Kuanzia:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Tarehe ya kuanzia</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hadi:</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Tarehe ya mwisho</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Anza</translation>
    </message>
    <message>
        <source>Read IntaSend&apos;s records of the period and match them with the till&apos;s (Enter)</source>
        <translation>Soma rekodi za IntaSend za kipindi hiki na uzilinganishe na za till (Enter)</translation>
    </message>
    <message>
        <source>Cancel &amp;run</source>
        <translation>&amp;Ghairi ulinganisho</translation>
    </message>
    <message>
        <source>Stop reading IntaSend&apos;s records; nothing is kept</source>
        <translation>Acha kusoma rekodi za IntaSend; hakuna kitakachohifadhiwa</translation>
    </message>
    <message>
        <source>No shift is open: choose another period.</source>
        <translation>Hakuna zamu iliyo wazi: chagua kipindi kingine.</translation>
    </message>
    <message>
        <source>There is nothing to read in that period: it has not begun yet.</source>
        <translation>Hakuna cha kusoma katika kipindi hicho: bado hakijaanza.</translation>
    </message>
    <message>
        <source>Reading IntaSend&apos;s records of %1 to %2…</source>
        <translation>Inasoma rekodi za IntaSend za %1 hadi %2…</translation>
    </message>
    <message>
        <source>Another reconciliation is running: wait for it to finish.</source>
        <translation>Ulinganisho mwingine unaendelea: subiri uishe.</translation>
    </message>
    <message>
        <source>The reconciliation could not start.</source>
        <translation>Ulinganisho haukuweza kuanza.</translation>
    </message>
    <message>
        <source>Page %1 · %2 of %3 invoices read</source>
        <translation>Ukurasa %1 · ankara %2 kati ya %3 zimesomwa</translation>
    </message>
    <message>
        <source>Page %1 · %2 invoices read</source>
        <translation>Ukurasa %1 · ankara %2 zimesomwa</translation>
    </message>
    <message>
        <source>IntaSend asked the till to slow down: going on in %1 seconds…</source>
        <translation>IntaSend imeiomba till ipunguze kasi: inaendelea baada ya sekunde %1…</translation>
    </message>
    <message>
        <source>Read %1 invoices of %2 to %3.</source>
        <translation>Ankara %1 za %2 hadi %3 zimesomwa.</translation>
    </message>
    <message>
        <source>The till&apos;s journal could not keep this reconciliation: print or save it now.</source>
        <translation>Daftari la till halikuweza kuhifadhi ulinganisho huu: uchapishe au uuhifadhi sasa.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was kept.</source>
        <translation>Umeghairiwa: hakuna kilichohifadhiwa.</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>Hifadhi kama CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Faili za CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Imehifadhiwa kwenye %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Haijahifadhiwa</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>%1 haikuweza kuhifadhiwa: %2</translation>
    </message>
</context>
<context>
    <name>lipa::ReconcileReport</name>
    <message>
        <source>Period</source>
        <translation>Kipindi</translation>
    </message>
    <message>
        <source>Reconciled</source>
        <translation>Imelinganishwa</translation>
    </message>
    <message>
        <source>INCOMPLETE</source>
        <translation>HAUJAKAMILIKA</translation>
    </message>
    <message>
        <source>Payments here</source>
        <translation>Malipo ya till hii</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Yanayolingana</translation>
    </message>
    <message>
        <source>Paid at IntaSend</source>
        <translation>Yaliyolipwa kwa IntaSend</translation>
    </message>
    <message>
        <source>IntaSend&apos;s charges</source>
        <translation>Makato ya IntaSend</translation>
    </message>
    <message>
        <source>Net to the wallet</source>
        <translation>Kiasi halisi kwenye pochi</translation>
    </message>
    <message>
        <source>Other tills or systems (not counted) × %1</source>
        <translation>Till au mifumo mingine (hayajahesabiwa) × %1</translation>
    </message>
    <message>
        <source>Invoices read</source>
        <translation>Ankara zilizosomwa</translation>
    </message>
    <message>
        <source>Reconciliation with IntaSend</source>
        <translation>Ulinganisho na IntaSend</translation>
    </message>
    <message>
        <source>IntaSend agrees with this till.</source>
        <translation>IntaSend inakubaliana na till hii.</translation>
    </message>
    <message>
        <source>IntaSend does NOT fully agree with this till: see the reconciliation.</source>
        <translation>IntaSend HAIKUBALIANI kikamilifu na till hii: tazama ulinganisho.</translation>
    </message>
    <message>
        <source>Nothing to look at: every payment matched.</source>
        <translation>Hakuna cha kukagua: malipo yote yanalingana.</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hapa</translation>
    </message>
    <message>
        <source>At IntaSend</source>
        <translation>Kwa IntaSend</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>hayakupatikana</translation>
    </message>
    <message>
        <source>M-Pesa</source>
        <translation>M-Pesa</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Ankara</translation>
    </message>
</context>
<context>
    <name>lipa::ReconcileResultView</name>
    <message>
        <source>Payments here in the period</source>
        <translation>Malipo ya till hii katika kipindi</translation>
    </message>
    <message>
        <source>Paid at IntaSend</source>
        <translation>Yaliyolipwa kwa IntaSend</translation>
    </message>
    <message>
        <source>IntaSend&apos;s charges</source>
        <translation>Makato ya IntaSend</translation>
    </message>
    <message>
        <source>Net to wallet</source>
        <translation>Kiasi halisi kwenye pochi</translation>
    </message>
    <message>
        <source>Payments worth a look</source>
        <translation>Malipo ya kukagua</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Aina</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Muda</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Kumbukumbu</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Ankara</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Hapa</translation>
    </message>
    <message>
        <source>At IntaSend</source>
        <translation>Kwa IntaSend</translation>
    </message>
    <message>
        <source>Amount here</source>
        <translation>Kiasi hapa</translation>
    </message>
    <message>
        <source>Amount at IntaSend</source>
        <translation>Kiasi kwa IntaSend</translation>
    </message>
    <message>
        <source>M-Pesa ref</source>
        <translation>Kumbukumbu ya M-Pesa</translation>
    </message>
    <message>
        <source>%1 — recorded now</source>
        <translation>%1 — yamerekodiwa sasa</translation>
    </message>
    <message>
        <source>%1 (%2, not counted)</source>
        <translation>%1 (%2, hayajahesabiwa)</translation>
    </message>
    <message>
        <source>Incomplete: %1</source>
        <translation>Haujakamilika: %1</translation>
    </message>
    <message>
        <source>IntaSend&apos;s records agree with the till&apos;s.</source>
        <translation>Rekodi za IntaSend zinakubaliana na za till.</translation>
    </message>
    <message>
        <source>IntaSend&apos;s records and the till&apos;s do not all agree: the payments to look at are listed below.</source>
        <translation>Rekodi za IntaSend na za till hazikubaliani zote: malipo ya kukagua yameorodheshwa hapa chini.</translation>
    </message>
</context>
<context>
    <name>lipa::Reconciler</name>
    <message>
        <source>The journal could not be read to reconcile it (%1).</source>
        <translation>Daftari halikuweza kusomwa ili kulilinganisha (%1).</translation>
    </message>
    <message>
        <source>IntaSend asked the till to wait %1 s before reading more</source>
        <translation>IntaSend imeiomba till isubiri sekunde %1 kabla ya kusoma zaidi</translation>
    </message>
    <message numerus="yes">
        <source>%n invoice(s) at IntaSend could not be read</source>
        <translation>
            <numerusform>ankara %n ya IntaSend haikuweza kusomwa</numerusform>
            <numerusform>ankara %n za IntaSend hazikuweza kusomwa</numerusform>
        </translation>
    </message>
    <message>
        <source>IntaSend&apos;s list was read %1 pages deep without reaching the start of the period</source>
        <translation>Orodha ya IntaSend ilisomwa kurasa %1 bila kufikia mwanzo wa kipindi</translation>
    </message>
    <message>
        <source>IntaSend has %1 from %2 paid (receipt %3); the till had not recorded it. It is now recorded as paid.</source>
        <translation>Kwa IntaSend, %1 kutoka %2 imelipwa (risiti %3); till ilikuwa haijairekodi. Sasa imerekodiwa kama imelipwa.</translation>
    </message>
    <message>
        <source>The reconciliation could not be kept in the journal (%1).</source>
        <translation>Ulinganisho haukuweza kuhifadhiwa kwenye daftari (%1).</translation>
    </message>
    <message>
        <source>the journal could not be read</source>
        <translation>daftari halikuweza kusomwa</translation>
    </message>
    <message>
        <source>The reconciliation&apos;s lines could not all be kept in the journal (%1).</source>
        <translation>Mistari yote ya ulinganisho haikuweza kuhifadhiwa kwenye daftari (%1).</translation>
    </message>
</context>
<context>
    <name>lipa::Reconciliation</name>
    <message>
        <source>Matched</source>
        <translation>Yanayolingana</translation>
    </message>
    <message>
        <source>Paid at IntaSend, not here</source>
        <translation>Yamelipwa kwa IntaSend, si hapa</translation>
    </message>
    <message>
        <source>Paid here, not at IntaSend</source>
        <translation>Yamelipwa hapa, si kwa IntaSend</translation>
    </message>
    <message>
        <source>Amount differs</source>
        <translation>Kiasi kinatofautiana</translation>
    </message>
    <message>
        <source>Another till or system</source>
        <translation>Till au mfumo mwingine</translation>
    </message>
</context>
<context>
    <name>lipa::ReferenceFinder</name>
    <message>
        <source>IntaSend listed an invoice the till could not read</source>
        <translation>IntaSend iliorodhesha ankara ambayo till haikuweza kuisoma</translation>
    </message>
    <message>
        <source>IntaSend&apos;s list was read %1 pages deep without reaching the time of this payment</source>
        <translation>Orodha ya IntaSend ilisomwa kurasa %1 bila kufikia wakati wa malipo haya</translation>
    </message>
    <message>
        <source>The request may have reached the customer&apos;s phone. IntaSend could not be searched for it (%1). Ask the customer, or press F5 to look again.</source>
        <translation>Huenda ombi lilifika kwenye simu ya mteja. Halikuweza kutafutwa kwenye IntaSend (%1). Muulize mteja, au bonyeza F5 kutafuta tena.</translation>
    </message>
    <message>
        <source>The request may have reached the customer&apos;s phone. IntaSend could not be searched for it yet (%1); the till tries again.</source>
        <translation>Huenda ombi lilifika kwenye simu ya mteja. Bado halijaweza kutafutwa kwenye IntaSend (%1); till inajaribu tena.</translation>
    </message>
    <message>
        <source>IntaSend has no record of this request — nothing was charged</source>
        <translation>IntaSend haina rekodi ya ombi hili — hakuna kilichotozwa</translation>
    </message>
</context>
<context>
    <name>lipa::Refund</name>
    <message>
        <source>Refund being sent</source>
        <translation>Ombi la kurejesha pesa linatumwa</translation>
    </message>
    <message>
        <source>Refund request unconfirmed</source>
        <translation>Ombi la kurejesha pesa halijathibitishwa</translation>
    </message>
    <message>
        <source>Refund not requested</source>
        <translation>Marejesho hayakuombwa</translation>
    </message>
    <message>
        <source>Refund requested</source>
        <translation>Marejesho yameombwa</translation>
    </message>
    <message>
        <source>Refund disputed</source>
        <translation>Marejesho yamepingwa</translation>
    </message>
    <message>
        <source>Refund overdue</source>
        <translation>Marejesho yamechelewa</translation>
    </message>
    <message>
        <source>Refund cancelled</source>
        <translation>Marejesho yameghairiwa</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Pesa zimerejeshwa</translation>
    </message>
</context>
<context>
    <name>lipa::RefundActions</name>
    <message>
        <source>Request re&amp;fund…</source>
        <translation>Omba &amp;kurejesha pesa…</translation>
    </message>
    <message>
        <source>Refund request: send a&amp;gain…</source>
        <translation>Ombi la kurejesha pesa: tuma te&amp;na…</translation>
    </message>
    <message>
        <source>The refund request may not have reached IntaSend: send it again</source>
        <translation>Huenda ombi la kurejesha pesa halikufika IntaSend: litume tena</translation>
    </message>
    <message>
        <source>Refund request: &amp;withdraw…</source>
        <translation>Ombi la kurejesha pesa: &amp;ondoa…</translation>
    </message>
    <message>
        <source>The refund request may not have reached IntaSend: withdraw it</source>
        <translation>Huenda ombi la kurejesha pesa halikufika IntaSend: liondoe</translation>
    </message>
    <message>
        <source>Choose the paid payment in the list first</source>
        <translation>Kwanza chagua malipo yaliyolipwa kwenye orodha</translation>
    </message>
    <message>
        <source>Ask IntaSend to refund the chosen payment to the customer</source>
        <translation>Omba IntaSend imrejeshee mteja pesa za malipo yaliyochaguliwa</translation>
    </message>
    <message>
        <source>Requesting a refund</source>
        <translation>Kuomba kurejesha pesa</translation>
    </message>
    <message>
        <source>Refund request sent to IntaSend; its staff decide. Payment → Details shows how it stands.</source>
        <translation>Ombi la kurejesha pesa limetumwa kwa IntaSend; wafanyakazi wake wataamua. Malipo → Maelezo inaonyesha hali yake.</translation>
    </message>
    <message>
        <source>The chosen payment has no unconfirmed refund request</source>
        <translation>Malipo yaliyochaguliwa hayana ombi la kurejesha pesa ambalo halijathibitishwa</translation>
    </message>
    <message>
        <source>Sending a refund request again</source>
        <translation>Kutuma tena ombi la kurejesha pesa</translation>
    </message>
    <message>
        <source>Send the refund request again?</source>
        <translation>Tuma tena ombi la kurejesha pesa?</translation>
    </message>
    <message>
        <source>The request to refund %1, made at %2, may not have reached IntaSend.</source>
        <translation>Huenda ombi la kurejesha %1, lililotolewa saa %2, halikufika IntaSend.</translation>
    </message>
    <message>
        <source>Look for it on IntaSend&apos;s dashboard first: if it is there, sending it again asks for the refund twice.</source>
        <translation>Litafute kwanza kwenye dashibodi ya IntaSend: kama lipo, kulituma tena kutaomba marejesho mara mbili.</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Tuma tena</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t send</source>
        <translation>&amp;Usitume</translation>
    </message>
    <message>
        <source>The refund request was not sent again</source>
        <translation>Ombi la kurejesha pesa halikutumwa tena</translation>
    </message>
    <message>
        <source>Withdrawing a refund request</source>
        <translation>Kuondoa ombi la kurejesha pesa</translation>
    </message>
    <message>
        <source>Withdraw the refund request?</source>
        <translation>Ondoa ombi la kurejesha pesa?</translation>
    </message>
    <message>
        <source>Withdraw the request to refund %1, made at %2? The till stops following it. If IntaSend has it after all, it is dealt with on IntaSend&apos;s dashboard.</source>
        <translation>Ondoa ombi la kurejesha %1, lililotolewa saa %2? Till itaacha kulifuatilia. Ikiwa IntaSend inalo hata hivyo, litashughulikiwa kwenye dashibodi ya IntaSend.</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Ondoa</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Libakishe</translation>
    </message>
    <message>
        <source>The refund request could not be withdrawn</source>
        <translation>Ombi la kurejesha pesa halikuweza kuondolewa</translation>
    </message>
</context>
<context>
    <name>lipa::RefundDesk</name>
    <message>
        <source>Customer charged twice</source>
        <translation>Mteja alitozwa mara mbili</translation>
    </message>
    <message>
        <source>Wrong amount charged</source>
        <translation>Kiasi kisicho sahihi kilitozwa</translation>
    </message>
    <message>
        <source>Goods returned</source>
        <translation>Bidhaa zimerudishwa</translation>
    </message>
    <message>
        <source>Goods or service not delivered</source>
        <translation>Bidhaa au huduma haikutolewa</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Nyingine</translation>
    </message>
    <message>
        <source>Only a paid M-Pesa payment can be refunded.</source>
        <translation>Ni malipo ya M-Pesa yaliyolipwa pekee yanayoweza kurejeshwa.</translation>
    </message>
    <message>
        <source>IntaSend&apos;s invoice for this payment is not known.</source>
        <translation>Ankara ya IntaSend ya malipo haya haijulikani.</translation>
    </message>
    <message>
        <source>A refund request needs IntaSend&apos;s secret key (Settings → IntaSend).</source>
        <translation>Ombi la kurejesha pesa linahitaji ufunguo wa siri wa IntaSend (Mipangilio → IntaSend).</translation>
    </message>
    <message>
        <source>The journal could not be read (%1).</source>
        <translation>Daftari halikuweza kusomwa (%1).</translation>
    </message>
    <message>
        <source>The whole amount has already been asked back.</source>
        <translation>Kiasi chote tayari kimeombwa kurejeshwa.</translation>
    </message>
    <message>
        <source>There is no such payment.</source>
        <translation>Hakuna malipo kama hayo.</translation>
    </message>
    <message>
        <source>Enter the amount to refund.</source>
        <translation>Andika kiasi cha kurejesha.</translation>
    </message>
    <message>
        <source>At most %1 can be refunded on this payment.</source>
        <translation>Kiasi kisichozidi %1 ndicho kinaweza kurejeshwa kwa malipo haya.</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>Chagua sababu.</translation>
    </message>
    <message>
        <source>Say what the reason is.</source>
        <translation>Eleza sababu ni nini.</translation>
    </message>
    <message>
        <source>The refund request could not be recorded (%1); it was not sent.</source>
        <translation>Ombi la kurejesha pesa halikuweza kurekodiwa (%1); halikutumwa.</translation>
    </message>
    <message>
        <source>No clear answer from IntaSend (%1). Check IntaSend&apos;s dashboard for this refund request before sending it again.</source>
        <translation>Hakuna jibu wazi kutoka IntaSend (%1). Tafuta ombi hili la kurejesha pesa kwenye dashibodi ya IntaSend kabla ya kulituma tena.</translation>
    </message>
    <message>
        <source>Not requested: %1</source>
        <translation>Marejesho hayakuombwa: %1</translation>
    </message>
    <message>
        <source>IntaSend refused it</source>
        <translation>IntaSend imelikataa</translation>
    </message>
    <message>
        <source>Refund request of %1: %2</source>
        <translation>Ombi la kurejesha %1: %2</translation>
    </message>
    <message>
        <source>A refund request&apos;s change could not be recorded (%1).</source>
        <translation>Badiliko la ombi la kurejesha pesa halikuweza kurekodiwa (%1).</translation>
    </message>
    <message>
        <source>IntaSend reported a status this till does not know (&quot;%1&quot;)</source>
        <translation>IntaSend iliripoti hali ambayo till hii haiijui (&quot;%1&quot;)</translation>
    </message>
    <message>
        <source>Sent again after the cashier checked IntaSend&apos;s dashboard</source>
        <translation>Limetumwa tena baada ya keshia kukagua dashibodi ya IntaSend</translation>
    </message>
    <message>
        <source>Withdrawn by the cashier</source>
        <translation>Limeondolewa na keshia</translation>
    </message>
    <message>
        <source>The till stopped while this refund request was being sent. Check IntaSend&apos;s dashboard before sending it again.</source>
        <translation>Till ilisimama ombi hili la kurejesha pesa lilipokuwa likitumwa. Kagua dashibodi ya IntaSend kabla ya kulituma tena.</translation>
    </message>
</context>
<context>
    <name>lipa::RefundDialog</name>
    <message>
        <source>Request a refund</source>
        <translation>Omba kurejesha pesa</translation>
    </message>
    <message>
        <source>IntaSend&apos;s staff decide on refund requests; the money is not returned at once.</source>
        <translation>Wafanyakazi wa IntaSend ndio huamua kuhusu maombi ya kurejesha pesa; pesa hazirudishwi papo hapo.</translation>
    </message>
    <message>
        <source>Amount to refund</source>
        <translation>Kiasi cha kurejesha</translation>
    </message>
    <message>
        <source>&amp;Amount to refund (KES)</source>
        <translation>&amp;Kiasi cha kurejesha (KES)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <source>Rea&amp;son</source>
        <translation>&amp;Sababu</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Maelezo</translation>
    </message>
    <message>
        <source>D&amp;etails</source>
        <translation>&amp;Maelezo</translation>
    </message>
    <message>
        <source>Required: what is the refund for?</source>
        <translation>Lazima: pesa zinarejeshwa kwa sababu gani?</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Si lazima</translation>
    </message>
    <message>
        <source>Request &amp;refund…</source>
        <translation>&amp;Omba kurejesha pesa…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Imelipwa</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Mteja</translation>
    </message>
    <message>
        <source>M-Pesa receipt</source>
        <translation>Risiti ya M-Pesa</translation>
    </message>
    <message>
        <source>Already requested</source>
        <translation>Tayari kimeombwa</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>hakikuweza kusomwa</translation>
    </message>
    <message>
        <source>Most that can be refunded</source>
        <translation>Kiasi cha juu kinachoweza kurejeshwa</translation>
    </message>
    <message>
        <source>The most that can be refunded is %1</source>
        <translation>Kiasi cha juu kinachoweza kurejeshwa ni %1</translation>
    </message>
    <message>
        <source>Say in Details what the refund is for.</source>
        <translation>Eleza kwenye Maelezo sababu ya kurejesha pesa.</translation>
    </message>
    <message>
        <source>Request refund?</source>
        <translation>Omba kurejesha pesa?</translation>
    </message>
    <message>
        <source>Ask IntaSend to refund %1 to %2? IntaSend&apos;s staff decide; the money is not returned at once.</source>
        <translation>Omba IntaSend irejeshe %1 kwa %2? Wafanyakazi wa IntaSend ndio wataamua; pesa hazirudishwi papo hapo.</translation>
    </message>
    <message>
        <source>&amp;Request refund</source>
        <translation>&amp;Omba kurejesha pesa</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t request</source>
        <translation>&amp;Usiombe</translation>
    </message>
</context>
<context>
    <name>lipa::ResendDesk</name>
    <message>
        <source>This payment is not in the journal.</source>
        <translation>Malipo haya hayako kwenye daftari.</translation>
    </message>
    <message>
        <source>This payment was already sent again (%1, %2). Use that one.</source>
        <translation>Malipo haya tayari yametumwa tena (%1, %2). Tumia hayo.</translation>
    </message>
    <message>
        <source>This payment is paid.</source>
        <translation>Malipo haya yamelipwa.</translation>
    </message>
    <message>
        <source>This sale was settled in cash.</source>
        <translation>Mauzo haya yalilipwa kwa pesa taslimu.</translation>
    </message>
    <message>
        <source>This request is still being sent. Wait for IntaSend&apos;s answer.</source>
        <translation>Ombi hili bado linatumwa. Subiri jibu la IntaSend.</translation>
    </message>
    <message>
        <source>This payment is still waiting for the customer. Wait for it to end, or check it now.</source>
        <translation>Malipo haya bado yanamsubiri mteja. Subiri yaishe, au yaangalie sasa.</translation>
    </message>
    <message>
        <source>IntaSend never confirmed this request, so the till cannot check it. Ask the customer: if a payment prompt came, or money left their M-Pesa, do not send again.</source>
        <translation>IntaSend haikuwahi kuthibitisha ombi hili, kwa hiyo till haiwezi kulikagua. Muulize mteja: kama ombi la malipo lilikuja, au pesa zilitoka kwenye M-Pesa yake, usitume tena.</translation>
    </message>
    <message>
        <source>Nothing was charged: the request never reached the customer.</source>
        <translation>Hakuna kilichotozwa: ombi halikumfikia mteja.</translation>
    </message>
    <message>
        <source>The customer was not charged: %1</source>
        <translation>Mteja hakutozwa: %1</translation>
    </message>
    <message>
        <source>The earlier request could not be checked (%1). Send again only when IntaSend can be asked.</source>
        <translation>Ombi la awali halikuweza kukaguliwa (%1). Tuma tena pale tu IntaSend inapoweza kuulizwa.</translation>
    </message>
    <message>
        <source>IntaSend says this payment is paid after all (receipt %1). Do not charge again.</source>
        <translation>IntaSend inasema malipo haya yamelipwa hatimaye (risiti %1). Usilipishe tena.</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>haikutolewa</translation>
    </message>
    <message>
        <source>IntaSend confirms the customer was not charged: %1</source>
        <translation>IntaSend inathibitisha kuwa mteja hakutozwa: %1</translation>
    </message>
    <message>
        <source>IntaSend says the customer can still answer this request. Wait for it.</source>
        <translation>IntaSend inasema mteja bado anaweza kujibu ombi hili. Lisubiri.</translation>
    </message>
    <message>
        <source>IntaSend still shows the earlier request as not finished (%1), though the prompt on the phone has timed out. Ask the customer whether they paid before sending again.</source>
        <translation>IntaSend bado inaonyesha ombi la awali kuwa halijakamilika (%1), ingawa ombi kwenye simu limepitwa na muda. Muulize mteja kama alilipa kabla ya kutuma tena.</translation>
    </message>
    <message>
        <source>no state</source>
        <translation>hakuna hali</translation>
    </message>
    <message>
        <source>This payment was already sent again.</source>
        <translation>Malipo haya tayari yametumwa tena.</translation>
    </message>
    <message>
        <source>This payment is still in progress.</source>
        <translation>Malipo haya bado yanaendelea.</translation>
    </message>
    <message>
        <source>It was checked too long ago; press Resend (F8) to check it again.</source>
        <translation>Yalikaguliwa muda mrefu uliopita; bonyeza Tuma tena (F8) ili kuyakagua tena.</translation>
    </message>
    <message>
        <source>Not sent again. %1</source>
        <translation>Hayakutumwa tena. %1</translation>
    </message>
    <message>
        <source>A card/QR payment is not sent again: its page may still be open on the customer&apos;s phone. Check it (F5); if the customer did not pay, charge the sale again (Enter or F6), and the till asks first.</source>
        <translation>Malipo ya kadi/QR hayatumwi tena: ukurasa wake bado unaweza kuwa wazi kwenye simu ya mteja. Yaangalie (F5); kama mteja hakulipa, toza mauzo tena (Enter au F6), na till itauliza kwanza.</translation>
    </message>
</context>
<context>
    <name>lipa::Sale</name>
    <message>
        <source>%1 in %2 M-Pesa payments: %3</source>
        <translation>%1 kwa malipo %2 ya M-Pesa: %3</translation>
    </message>
    <message>
        <source>%1 of %2 paid (%3 in cash)</source>
        <translation>%1 kati ya %2 imelipwa (%3 kwa pesa taslimu)</translation>
    </message>
    <message>
        <source>%1 of %2 paid</source>
        <translation>%1 kati ya %2 imelipwa</translation>
    </message>
    <message>
        <source>%1 — closed short</source>
        <translation>%1 — yamefungwa bila salio</translation>
    </message>
    <message>
        <source>%1 — sale complete</source>
        <translation>%1 — mauzo yamekamilika</translation>
    </message>
    <message>
        <source>%1 — part %2 of %3 waiting</source>
        <translation>%1 — sehemu %2 kati ya %3 inasubiri</translation>
    </message>
    <message>
        <source>%1 — %2 still to pay</source>
        <translation>%1 — %2 bado kulipwa</translation>
    </message>
</context>
<context>
    <name>lipa::SaleAttempts</name>
    <message>
        <source>Another request for this sale (%1 to %2, at %3) is still open: %4. Wait for it, or check it.</source>
        <translation>Ombi jingine la mauzo haya (%1 kwa %2, saa %3) bado liko wazi: %4. Lisubiri, au likague.</translation>
    </message>
    <message>
        <source>This payment was sent again (%1, %2). Settle that one instead.</source>
        <translation>Malipo haya yalitumwa tena (%1, %2). Tumia yale mapya badala yake.</translation>
    </message>
    <message>
        <source>Its sale was closed short (%1): nothing more is taken for it.</source>
        <translation>Mauzo yake yalifungwa bila salio (%1): hakuna kinachopokelewa tena kwa ajili yake.</translation>
    </message>
    <message>
        <source>Its sale is paid in full.</source>
        <translation>Mauzo yake yamelipwa yote.</translation>
    </message>
    <message>
        <source>Its sale could not be read from the journal.</source>
        <translation>Mauzo yake hayakuweza kusomwa kutoka kwenye jarida.</translation>
    </message>
    <message>
        <source>Part %1 of this sale is already paid (%2). Send the next part instead.</source>
        <translation>Sehemu %1 ya mauzo haya imeshalipwa (%2). Tuma sehemu inayofuata badala yake.</translation>
    </message>
    <message>
        <source>Only %1 is left to pay on this sale, less than this part&apos;s %2.</source>
        <translation>Kimebaki %1 tu kulipwa kwenye mauzo haya, chini ya %2 ya sehemu hii.</translation>
    </message>
</context>
<context>
    <name>lipa::SaleDesk</name>
    <message>
        <source>Part %1 of the sale of %2 was not sent (see above). Send it with Resend (F8).</source>
        <translation>Sehemu %1 ya mauzo ya %2 haikutumwa (tazama juu). Itume kwa Tuma tena (F8).</translation>
    </message>
    <message>
        <source>This sale could not be read from the journal (%1).</source>
        <translation>Mauzo haya hayakuweza kusomwa kwenye daftari (%1).</translation>
    </message>
    <message>
        <source>This sale was closed short.</source>
        <translation>Mauzo haya yalifungwa bila salio.</translation>
    </message>
    <message>
        <source>This sale is paid in full.</source>
        <translation>Mauzo haya yamelipwa yote.</translation>
    </message>
    <message>
        <source>A part of this sale is still waiting for the customer. Wait for it, or check it.</source>
        <translation>Sehemu ya mauzo haya bado inamsubiri mteja. Isubiri, au iangalie.</translation>
    </message>
    <message>
        <source>Nothing is left to pay on this sale.</source>
        <translation>Hakuna kilichobaki kulipwa kwa mauzo haya.</translation>
    </message>
    <message>
        <source>Part %1 was not paid: send it again (F8) instead.</source>
        <translation>Sehemu %1 haikulipwa: badala yake itume tena (F8).</translation>
    </message>
    <message>
        <source>This sale is not in the journal.</source>
        <translation>Mauzo haya hayamo kwenye daftari.</translation>
    </message>
    <message>
        <source>A part of this sale is still being sent. Wait for IntaSend&apos;s answer.</source>
        <translation>Sehemu ya mauzo haya bado inatumwa. Subiri jibu la IntaSend.</translation>
    </message>
    <message>
        <source>The rest of the sale, paid in cash.</source>
        <translation>Salio la mauzo, limelipwa kwa pesa taslimu.</translation>
    </message>
    <message>
        <source>The cash could not be recorded (%1). Do not take the cash until it is.</source>
        <translation>Pesa taslimu hazikuweza kuandikwa (%1). Usipokee pesa taslimu mpaka ziandikwe.</translation>
    </message>
    <message>
        <source>The sale of %1 to %2 was paid %3 more than its total. Give the customer the difference back.</source>
        <translation>Mauzo ya %1 kwa %2 yalilipwa %3 zaidi ya jumla yake. Mrudishie mteja tofauti hiyo.</translation>
    </message>
    <message>
        <source>Say why the sale is closed short.</source>
        <translation>Sema kwa nini mauzo yanafungwa bila salio.</translation>
    </message>
    <message>
        <source>The sale could not be closed (%1).</source>
        <translation>Mauzo hayakuweza kufungwa (%1).</translation>
    </message>
    <message>
        <source>The sale has moved on since you were asked (part %1 is next now). Look at the card, then ask again.</source>
        <translation>Mauzo yamesonga mbele tangu ulipoulizwa (sasa inafuata sehemu %1). Angalia kadi, kisha uulize tena.</translation>
    </message>
    <message>
        <source>The sale changed while you were asked: %1 is left to pay now, not %2. Ask again.</source>
        <translation>Mauzo yalibadilika ulipokuwa ukiulizwa: sasa kimebaki %1 kulipwa, si %2. Uliza tena.</translation>
    </message>
    <message>
        <source>Part %1 was paid by an earlier attempt, and a later attempt at it may still reach the customer&apos;s phone. Check it (F5) or wait for it to end, then take the rest in cash.</source>
        <translation>Sehemu %1 ililipwa kwa jaribio la awali, na jaribio la baadaye bado linaweza kufika kwenye simu ya mteja. Liangalie (F5) au subiri liishe, kisha pokea salio kwa pesa taslimu.</translation>
    </message>
</context>
<context>
    <name>lipa::SchemaReader</name>
    <message>
        <source>The database %1 is not a Lipa shop database: its table lipa_shop_meta was not made by Lipa Till. Nothing was written to it.</source>
        <translation>Hifadhidata %1 si hifadhidata ya duka ya Lipa: jedwali lake lipa_shop_meta halikuundwa na Lipa Till. Hakuna kilichoandikwa ndani yake.</translation>
    </message>
    <message>
        <source>The shop database %1 was made by a newer Lipa Till (schema %2); this till knows up to %3: update this till. Nothing was written to it.</source>
        <translation>Hifadhidata ya duka %1 iliundwa na Lipa Till mpya zaidi (schema %2); till hii inajua hadi %3: sasisha till hii. Hakuna kilichoandikwa ndani yake.</translation>
    </message>
    <message>
        <source>The shop database %1 has an older schema (%2): a till of this version brings it up to date when it connects.</source>
        <translation>Hifadhidata ya duka %1 ina schema ya zamani (%2): till ya toleo hili itaisasisha itakapounganishwa nayo.</translation>
    </message>
    <message>
        <source>The shop database %1 is ready (schema %2).</source>
        <translation>Hifadhidata ya duka %1 iko tayari (schema %2).</translation>
    </message>
    <message>
        <source>The shop database %1 is empty: no till has connected to it yet.</source>
        <translation>Hifadhidata ya duka %1 ni tupu: bado hakuna till iliyounganishwa nayo.</translation>
    </message>
    <message>
        <source>The database %1 is not a Lipa shop database: it already has tables of its own (%2). Nothing was written to it; give the tills a database of their own.</source>
        <translation>Hifadhidata %1 si hifadhidata ya duka ya Lipa: tayari ina majedwali yake yenyewe (%2). Hakuna kilichoandikwa ndani yake; tengeneza hifadhidata maalum kwa ajili ya till.</translation>
    </message>
</context>
<context>
    <name>lipa::SecuritySettingsPage</name>
    <message>
        <source>empty: keep the current PIN</source>
        <translation>tupu: weka PIN iliyopo</translation>
    </message>
    <message>
        <source>4 to 8 digits; empty: no PIN</source>
        <translation>tarakimu 4 hadi 8; tupu: hakuna PIN</translation>
    </message>
    <message>
        <source>The PIN must be 4 to 8 digits.</source>
        <translation>PIN lazima iwe tarakimu 4 hadi 8.</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>PIN hizo mbili hazifanani.</translation>
    </message>
</context>
<context>
    <name>lipa::ServiceHealth</name>
    <message>
        <source>IntaSend asked the till to wait until %1. Nothing was sent; try again then.</source>
        <translation>IntaSend imeiomba till isubiri hadi %1. Hakuna kilichotumwa; jaribu tena wakati huo.</translation>
    </message>
    <message>
        <source>IntaSend refused the keys — check Settings. Payments cannot be sent until the keys are right.</source>
        <translation>IntaSend imekataa funguo — kagua Mipangilio. Malipo hayawezi kutumwa hadi funguo ziwe sahihi.</translation>
    </message>
    <message>
        <source>Offline: the last %1 requests to IntaSend failed. Waiting payments are still being checked and will update by themselves; a new charge may not go through.</source>
        <translation>Nje ya mtandao: maombi %1 ya mwisho kwa IntaSend yameshindwa. Malipo yanayosubiri bado yanakaguliwa na yatajisasisha yenyewe; malipo mapya huenda yasipite.</translation>
    </message>
    <message>
        <source>IntaSend asked the till to slow down. Sending and checking resume at %1.</source>
        <translation>IntaSend imeiomba till ipunguze kasi. Kutuma na kukagua kutaendelea saa %1.</translation>
    </message>
</context>
<context>
    <name>lipa::Settings</name>
    <message>
        <source>Setting %1 = &quot;%2&quot; is not a whole number from %3 to %4; using %5</source>
        <translation>Mpangilio %1 = &quot;%2&quot; si nambari kamili kati ya %3 na %4; inatumia %5</translation>
    </message>
    <message>
        <source>The settings file %1 could not be read; using defaults</source>
        <translation>Faili la mipangilio %1 halikuweza kusomwa; inatumia chaguo-msingi</translation>
    </message>
    <message>
        <source>Setting intasend/environment = &quot;%1&quot; is not demo, sandbox, live or custom; running in demo mode</source>
        <translation>Mpangilio intasend/environment = &quot;%1&quot; si demo, sandbox, live wala custom; inaendesha katika hali ya majaribio</translation>
    </message>
    <message>
        <source>Setting polling/max_interval_seconds is shorter than polling/first_check_seconds; using the first check interval for both</source>
        <translation>Mpangilio polling/max_interval_seconds ni mfupi kuliko polling/first_check_seconds; inatumia muda wa ukaguzi wa kwanza kwa yote mawili</translation>
    </message>
    <message>
        <source>Setting till/sound = &quot;%1&quot; is not on or off; using on</source>
        <translation>Mpangilio till/sound = &quot;%1&quot; si on wala off; inatumia on</translation>
    </message>
    <message>
        <source>Setting till/language = &quot;%1&quot; is not system, en or sw; following the system</source>
        <translation>Mpangilio till/language = &quot;%1&quot; si system, en wala sw; inafuata mfumo</translation>
    </message>
    <message>
        <source>Setting till/receipt_paper = &quot;%1&quot; is not 58mm, 80mm or a4; using 80mm</source>
        <translation>Mpangilio till/receipt_paper = &quot;%1&quot; si 58mm, 80mm wala a4; inatumia 80mm</translation>
    </message>
    <message>
        <source>The settings could not be written to %1</source>
        <translation>Mipangilio haikuweza kuandikwa kwenye %1</translation>
    </message>
    <message>
        <source>The settings could not be written to %1: %2</source>
        <translation>Mipangilio haikuweza kuandikwa kwenye %1: %2</translation>
    </message>
    <message>
        <source>Setting till/max_sale is below till/max_amount; using till/max_amount for both</source>
        <translation>Mpangilio till/max_sale uko chini ya till/max_amount; till/max_amount inatumika kwa yote mawili</translation>
    </message>
    <message>
        <source>Setting till/fullscreen = &quot;%1&quot; is not on or off; using off</source>
        <translation>Mpangilio till/fullscreen = &quot;%1&quot; si on wala off; inatumia off</translation>
    </message>
    <message>
        <source>Setting till/customer_display = &quot;%1&quot; is not off, window or screen:N; using off</source>
        <translation>Mpangilio till/customer_display = &quot;%1&quot; si off, window wala screen:N; inatumia off</translation>
    </message>
    <message>
        <source>Setting till/customer_language = &quot;%1&quot; is not till, en or sw; using the till&apos;s language</source>
        <translation>Mpangilio till/customer_language = &quot;%1&quot; si till, en wala sw; inatumia lugha ya till</translation>
    </message>
    <message>
        <source>Setting printer/escpos = &quot;%1&quot; is not usb:DEVICE, serial:DEVICE:BAUD or tcp://HOST:PORT; receipts go through the print dialog</source>
        <translation>Mpangilio printer/escpos = &quot;%1&quot; si usb:DEVICE, serial:DEVICE:BAUD wala tcp://HOST:PORT; risiti zinapitia dirisha la kuchapisha</translation>
    </message>
    <message>
        <source>Setting printer/drawer = &quot;%1&quot; is not on or off; using off</source>
        <translation>Mpangilio printer/drawer = &quot;%1&quot; si on wala off; inatumia off</translation>
    </message>
</context>
<context>
    <name>lipa::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Mipangilio</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Hifadhi</translation>
    </message>
    <message>
        <source>Switch to LIVE?</source>
        <translation>Badili kwenda LIVE?</translation>
    </message>
    <message>
        <source>In LIVE mode every payment takes real money from customers&apos; M-Pesa accounts. Switch this till to LIVE?</source>
        <translation>Katika hali ya LIVE kila malipo huchukua pesa halisi kutoka akaunti za M-Pesa za wateja. Badili till hii kwenda LIVE?</translation>
    </message>
    <message>
        <source>Switch to &amp;LIVE</source>
        <translation>Badili kwenda &amp;LIVE</translation>
    </message>
</context>
<context>
    <name>lipa::ShiftBook</name>
    <message>
        <source>The shift could not be opened: %1</source>
        <translation>Zamu haikuweza kufunguliwa: %1</translation>
    </message>
    <message>
        <source>The shift could not be closed: %1. It stays open.</source>
        <translation>Zamu haikuweza kufungwa: %1. Inabaki wazi.</translation>
    </message>
</context>
<context>
    <name>lipa::ShiftDesk</name>
    <message>
        <source>&amp;Open shift…</source>
        <translation>&amp;Fungua zamu…</translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation>Ripoti &amp;X</translation>
    </message>
    <message>
        <source>&amp;Close shift (Z report)…</source>
        <translation>F&amp;unga zamu (ripoti Z)…</translation>
    </message>
    <message>
        <source>Shift: %1 since %2</source>
        <translation>Zamu: %1 tangu %2</translation>
    </message>
    <message>
        <source>No shift open</source>
        <translation>Hakuna zamu iliyo wazi</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Fungua zamu</translation>
    </message>
    <message>
        <source>Cashier&apos;s name:</source>
        <translation>Jina la keshia:</translation>
    </message>
    <message>
        <source>&amp;Open shift</source>
        <translation>&amp;Fungua zamu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>Close shift?</source>
        <translation>Funga zamu?</translation>
    </message>
    <message>
        <source>Close %1&apos;s shift and print the Z report? Total taken: %2.</source>
        <translation>Funga zamu ya %1 na uchapishe ripoti Z? Jumla iliyopokelewa: %2.</translation>
    </message>
    <message>
        <source>1 payment is still unresolved; it is listed on the report.</source>
        <translation>Malipo 1 bado hayajatatuliwa; yameorodheshwa kwenye ripoti.</translation>
    </message>
    <message>
        <source>%1 payments are still unresolved; they are listed on the report.</source>
        <translation>Malipo %1 bado hayajatatuliwa; yameorodheshwa kwenye ripoti.</translation>
    </message>
    <message>
        <source>&amp;Close shift</source>
        <translation>&amp;Funga zamu</translation>
    </message>
    <message>
        <source>&amp;Keep it open</source>
        <translation>&amp;Iache wazi</translation>
    </message>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>&amp;Chapisha… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Hifadhi kama P&amp;DF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>&amp;Reconcile with IntaSend…</source>
        <translation>&amp;Linganisha na IntaSend…</translation>
    </message>
    <message>
        <source>Match the till&apos;s payments with IntaSend&apos;s records</source>
        <translation>Linganisha malipo ya till na rekodi za IntaSend</translation>
    </message>
    <message>
        <source>Reconcile first?</source>
        <translation>Linganisha kwanza?</translation>
    </message>
    <message>
        <source>Reconcile this shift with IntaSend first?</source>
        <translation>Linganisha zamu hii na IntaSend kwanza?</translation>
    </message>
    <message>
        <source>The till reads IntaSend&apos;s records of the shift and matches them with its own; the Z report then says whether they agree.</source>
        <translation>Till inasoma rekodi za IntaSend za zamu hii na kuzilinganisha na zake; kisha ripoti Z inaonyesha kama zinakubaliana.</translation>
    </message>
    <message>
        <source>&amp;Reconcile first</source>
        <translation>&amp;Linganisha kwanza</translation>
    </message>
    <message>
        <source>Close &amp;without it</source>
        <translation>Funga &amp;bila kulinganisha</translation>
    </message>
</context>
<context>
    <name>lipa::ShopCsv</name>
    <message>
        <source>The export was stopped.</source>
        <translation>Uhamishaji ulisimamishwa.</translation>
    </message>
    <message>
        <source>The export needs a first day that is not after the last.</source>
        <translation>Uhamishaji unahitaji siku ya kwanza isiyokuwa baada ya siku ya mwisho.</translation>
    </message>
</context>
<context>
    <name>lipa::ShopLink</name>
    <message>
        <source>Shop: connecting…</source>
        <translation>Duka: inaunganisha…</translation>
    </message>
    <message>
        <source>Shop: in sync</source>
        <translation>Duka: imesawazishwa</translation>
    </message>
    <message numerus="yes">
        <source>Shop: %n to send</source>
        <translation>
            <numerusform>Duka: rekodi %n ya kutuma</numerusform>
            <numerusform>Duka: rekodi %n za kutuma</numerusform>
        </translation>
    </message>
    <message>
        <source>Shop: offline since %1</source>
        <translation>Duka: nje ya mtandao tangu %1</translation>
    </message>
    <message>
        <source>Shop: not connected</source>
        <translation>Duka: haijaunganishwa</translation>
    </message>
    <message>
        <source>The shop database has this till&apos;s journal up to change %1, and this till&apos;s journal has a different change %1 (till/id %2): was this till&apos;s data folder copied and used on two computers, or its journal replaced by an older copy? Replication stopped; give this till a new identity.</source>
        <translation>Hifadhidata ya duka ina daftari la till hii hadi badiliko %1, na daftari la till hii lina badiliko %1 tofauti (till/id %2): je, folda ya data ya till hii ilinakiliwa na kutumika kwenye kompyuta mbili, au daftari lake lilibadilishwa na nakala ya zamani? Unakili umesimamishwa; ipe till hii utambulisho mpya.</translation>
    </message>
</context>
<context>
    <name>lipa::ShopPaymentModel</name>
    <message>
        <source>Taken as %1</source>
        <translation>Yalipokelewa kwenye till iliyoitwa %1 wakati huo</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Muda</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Tawi</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kiasi</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Mteja</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>M-Pesa receipt</source>
        <translation>Risiti ya M-Pesa</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Keshia</translation>
    </message>
</context>
<context>
    <name>lipa::ShopReader</name>
    <message>
        <source>The till is closing its connection to the shop database.</source>
        <translation>Till inafunga muunganisho wake na hifadhidata ya duka.</translation>
    </message>
</context>
<context>
    <name>lipa::ShopSettingsPage</name>
    <message>
        <source>made at first start</source>
        <translation>huundwa till inapowashwa mara ya kwanza</translation>
    </message>
    <message>
        <source>empty: keep the stored password</source>
        <translation>tupu: weka nenosiri lililohifadhiwa</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>hakuna nenosiri lililohifadhiwa</translation>
    </message>
    <message>
        <source>The shop database password was not stored. %1</source>
        <translation>Nenosiri la hifadhidata ya duka halikuhifadhiwa. %1</translation>
    </message>
</context>
<context>
    <name>lipa::ShopUrl</name>
    <message>
        <source>The shop database URL must not contain the password: put the password in the key store or LIPA_TILL_SHOP_DB_PASSWORD, not in the URL.</source>
        <translation>URL ya hifadhidata ya duka isiwe na nenosiri: weka nenosiri kwenye hifadhi ya funguo au LIPA_TILL_SHOP_DB_PASSWORD, si kwenye URL.</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ni tupu</translation>
    </message>
    <message>
        <source>must start with postgresql://</source>
        <translation>lazima ianze na postgresql://</translation>
    </message>
    <message>
        <source>cannot be read (check the host name and the port)</source>
        <translation>haiwezi kusomeka (kagua jina la seva na port)</translation>
    </message>
    <message>
        <source>has a part after &apos;#&apos; that the till does not use</source>
        <translation>ina sehemu baada ya &apos;#&apos; ambayo till haitumii</translation>
    </message>
    <message>
        <source>names no user</source>
        <translation>haitaji mtumiaji</translation>
    </message>
    <message>
        <source>names no host</source>
        <translation>haitaji seva</translation>
    </message>
    <message>
        <source>has port 0</source>
        <translation>ina port 0</translation>
    </message>
    <message>
        <source>names no database</source>
        <translation>haitaji hifadhidata</translation>
    </message>
    <message>
        <source>has more than one name after the host (a database name has no &apos;/&apos;)</source>
        <translation>ina jina zaidi ya moja baada ya seva (jina la hifadhidata halina &apos;/&apos;)</translation>
    </message>
    <message>
        <source>The shop database URL cannot be used: %1.</source>
        <translation>URL ya hifadhidata ya duka haiwezi kutumika: %1.</translation>
    </message>
</context>
<context>
    <name>lipa::ShopView</name>
    <message>
        <source>Shop: every till&apos;s payments</source>
        <translation>Duka: malipo ya till zote</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Tawi</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>Matawi yote</translation>
    </message>
    <message>
        <source>Every till&apos;s payments</source>
        <translation>Malipo ya till zote</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Leo</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Imelipwa</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Jumla iliyopokelewa</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Inasubiri</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>Ya kukagua</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Imeshindwa</translation>
    </message>
    <message>
        <source>Today&apos;s totals per till</source>
        <translation>Jumla za leo kwa kila till</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Keshia</translation>
    </message>
    <message>
        <source>Today&apos;s totals per cashier</source>
        <translation>Jumla za leo kwa kila keshia</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Hamisha CSV…</translation>
    </message>
    <message>
        <source>Taken today at every till: %1 from 1 payment</source>
        <translation>Iliyopokelewa leo kwenye till zote: %1 kutoka kwa malipo 1</translation>
    </message>
    <message>
        <source>Taken today at every till: %1 from %2 payments</source>
        <translation>Iliyopokelewa leo kwenye till zote: %1 kutoka kwa malipo %2</translation>
    </message>
    <message>
        <source>(outside a shift)</source>
        <translation>(nje ya zamu)</translation>
    </message>
    <message>
        <source>Export the shop&apos;s payments</source>
        <translation>Hamisha malipo ya duka</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Faili za CSV (*.csv)</translation>
    </message>
    <message>
        <source>An export is still being written; try again when it is done.</source>
        <translation>Uhamishaji bado unaandikwa; jaribu tena utakapokamilika.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Inahamishia %1…</translation>
    </message>
    <message>
        <source>The export could not be saved to %1: %2</source>
        <translation>Uhamishaji haukuweza kuhifadhiwa kwenye %1: %2</translation>
    </message>
    <message>
        <source>Exported 1 payment to %1</source>
        <translation>Malipo 1 yamehamishiwa %1</translation>
    </message>
    <message>
        <source>Exported %1 payments to %2</source>
        <translation>Malipo %1 yamehamishiwa %2</translation>
    </message>
    <message>
        <source>Could not read the shop database: %1</source>
        <translation>Imeshindwa kusoma hifadhidata ya duka: %1</translation>
    </message>
    <message>
        <source>Could not read today&apos;s totals: %1</source>
        <translation>Imeshindwa kusoma jumla za leo: %1</translation>
    </message>
    <message>
        <source>Live: payments appear as the tills send them.</source>
        <translation>Moja kwa moja: malipo yanaonekana kadri till zinavyoyatuma.</translation>
    </message>
    <message>
        <source>Live updates paused (%1). They resume when the shop database can be reached.</source>
        <translation>Masasisho ya moja kwa moja yamesitishwa (%1). Yataendelea hifadhidata ya duka itakapoweza kufikiwa.</translation>
    </message>
    <message>
        <source>The view catches up when the shop database can be reached.</source>
        <translation>Dirisha hili litajisasisha hifadhidata ya duka itakapoweza kufikiwa.</translation>
    </message>
</context>
<context>
    <name>lipa::ShopWriter</name>
    <message>
        <source>This till has no identity (till/id): replication to the shop database stopped.</source>
        <translation>Till hii haina utambulisho (till/id): unakili kwenda hifadhidata ya duka umesimamishwa.</translation>
    </message>
    <message>
        <source>Ending this till&apos;s earlier connection to the shop database</source>
        <translation>Inakatisha muunganisho wa awali wa till hii na hifadhidata ya duka</translation>
    </message>
    <message>
        <source>Another till is already connected to the shop database with this till&apos;s identity (till/id %1): was this till&apos;s data folder copied from another? Replication stopped; give this till a new identity.</source>
        <translation>Till nyingine tayari imeunganishwa na hifadhidata ya duka kwa utambulisho wa till hii (till/id %1): je, folda ya data ya till hii ilinakiliwa kutoka till nyingine? Unakili umesimamishwa; ipe till hii utambulisho mpya.</translation>
    </message>
    <message>
        <source>Another connection uses this till&apos;s identity (till/id %1) in the shop database; waiting to see whether it ends</source>
        <translation>Muunganisho mwingine unatumia utambulisho wa till hii (till/id %1) kwenye hifadhidata ya duka; inasubiri kuona kama utaisha</translation>
    </message>
    <message>
        <source>The shop database has more of this till&apos;s journal (up to %1) than this till ever wrote (up to %2), under its identity (till/id %3): was this till&apos;s data folder copied from another, or its journal replaced? Replication stopped; give this till a new identity.</source>
        <translation>Hifadhidata ya duka ina sehemu kubwa zaidi ya daftari la till hii (hadi %1) kuliko kile ambacho till hii iliwahi kuandika (hadi %2), chini ya utambulisho wake (till/id %3): je, folda ya data ya till hii ilinakiliwa kutoka till nyingine, au daftari lake lilibadilishwa? Unakili umesimamishwa; ipe till hii utambulisho mpya.</translation>
    </message>
</context>
<context>
    <name>lipa::ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Njia za mkato za kibodi</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Charge (in Amount: go to the phone)</source>
        <translation>Lipisha (ukiwa kwenye Kiasi: nenda kwenye simu)</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Next field</source>
        <translation>Sehemu inayofuata</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the form; on an empty form, stop waiting (the payment is still checked)</source>
        <translation>Futa fomu; fomu ikiwa tupu, acha kusubiri (malipo bado yanakaguliwa)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Check the payment now (the chosen row, else the one on the card)</source>
        <translation>Angalia malipo sasa (safu iliyochaguliwa, la sivyo yaliyo kwenye kadi)</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>F9</source>
        <translation>F9</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Save the payment&apos;s receipt as PDF</source>
        <translation>Hifadhi risiti ya malipo kama PDF</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open a shift</source>
        <translation>Fungua zamu</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>X report: the shift&apos;s figures so far</source>
        <translation>Ripoti X: takwimu za zamu hadi sasa</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Close the shift with its Z report</source>
        <translation>Funga zamu kwa ripoti yake ya Z</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Show or hide the on-screen keypad</source>
        <translation>Onyesha au ficha vitufe vya skrini</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>Search the payments</source>
        <translation>Tafuta malipo</translation>
    </message>
    <message>
        <source>Enter on a row</source>
        <translation>Enter kwenye safu</translation>
    </message>
    <message>
        <source>Show the payment&apos;s details and history</source>
        <translation>Onyesha maelezo na historia ya malipo</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the payments shown to a CSV file</source>
        <translation>Hamisha malipo yanayoonyeshwa kwenye faili la CSV</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Mipangilio</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Orodha hii</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Ondoka</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>Ask IntaSend to refund the chosen paid payment (manager PIN)</source>
        <translation>Omba IntaSend irejeshe pesa za malipo yaliyolipwa yaliyochaguliwa (PIN ya meneja)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Reconcile with IntaSend&apos;s records</source>
        <translation>Linganisha na rekodi za IntaSend</translation>
    </message>
    <message>
        <source>Send a failed, expired or unknown payment again, after a last check; on a sale in parts, the unpaid part again or the next part</source>
        <translation>Tuma tena malipo yaliyoshindikana, yaliyoisha muda au yasiyojulikana, baada ya ukaguzi wa mwisho; kwa mauzo ya sehemu, sehemu isiyolipwa tena au sehemu inayofuata</translation>
    </message>
    <message>
        <source>Use cash: the customer pays in cash instead (after a last check); on a sale in parts, the rest of the sale</source>
        <translation>Tumia pesa taslimu: mteja analipa kwa pesa taslimu badala yake (baada ya ukaguzi wa mwisho); kwa mauzo ya sehemu, salio la mauzo</translation>
    </message>
    <message>
        <source>Print the payment&apos;s receipt (preview first, or straight to the receipt printer)</source>
        <translation>Chapisha risiti ya malipo (kwanza onyesho, au moja kwa moja kwenye printa ya risiti)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Show or hide the customer display</source>
        <translation>Onyesha au ficha skrini ya mteja</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>Card or QR: the customer pays the form&apos;s sale on their own phone, from a QR code</source>
        <translation>Kadi au QR: mteja analipa mauzo ya fomu kwenye simu yake mwenyewe, kupitia msimbo wa QR</translation>
    </message>
</context>
<context>
    <name>lipa::StateGroup</name>
    <message>
        <source>All</source>
        <translation>Yote</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Yaliyolipwa</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Yanayosubiri</translation>
    </message>
    <message>
        <source>Needs checking</source>
        <translation>Yanahitaji kukaguliwa</translation>
    </message>
    <message>
        <source>Failed or not sent</source>
        <translation>Yaliyoshindwa au hayakutumwa</translation>
    </message>
</context>
<context>
    <name>lipa::Till</name>
    <message>
        <source>The payment could not be recorded (%1), so it was not sent. Nothing was charged.</source>
        <translation>Malipo hayakuweza kurekodiwa (%1), kwa hiyo hayakutumwa. Hakuna kilichotozwa.</translation>
    </message>
    <message>
        <source>The till stopped before IntaSend answered: the request may have reached the customer&apos;s phone</source>
        <translation>Till ilisimama kabla IntaSend haijajibu: huenda ombi limefika kwenye simu ya mteja</translation>
    </message>
    <message>
        <source>IntaSend never confirmed this request, so there is nothing to check. Ask the customer whether a payment prompt came or money left their M-Pesa.</source>
        <translation>IntaSend haikuwahi kuthibitisha ombi hili, kwa hiyo hakuna cha kukagua. Muulize mteja kama ombi la malipo lilikuja au pesa zilitoka kwenye M-Pesa yake.</translation>
    </message>
    <message>
        <source>IntaSend answered about a different payment (reference %1) when asked about %2 to %3; the answer was ignored. Check the IntaSend dashboard.</source>
        <translation>IntaSend ilijibu kuhusu malipo mengine (kumbukumbu %1) ilipoulizwa kuhusu %2 kwa %3; jibu limepuuzwa. Kagua dashibodi ya IntaSend.</translation>
    </message>
    <message>
        <source>%1 from %2 was paid by M-Pesa (receipt %3) after it was settled in cash. Give the customer their cash back.</source>
        <translation>%1 kutoka %2 ililipwa kwa M-Pesa (risiti %3) baada ya kulipwa kwa pesa taslimu. Mrudishie mteja pesa zake taslimu.</translation>
    </message>
    <message>
        <source>IntaSend reported a state this till does not know (&quot;%1&quot;); still checking</source>
        <translation>IntaSend iliripoti hali ambayo till hii haiijui (&quot;%1&quot;); bado inakagua</translation>
    </message>
    <message>
        <source>A payment change could not be recorded (%1). The payment keeps its last recorded state and is checked again when the till restarts.</source>
        <translation>Badiliko la malipo halikuweza kurekodiwa (%1). Malipo yanabaki katika hali yake ya mwisho iliyorekodiwa na yatakaguliwa tena till itakapowashwa upya.</translation>
    </message>
    <message>
        <source>Finding it in IntaSend&apos;s records by its reference needs the secret key (Settings → IntaSend).</source>
        <translation>Kuyapata kwenye rekodi za IntaSend kwa kumbukumbu yake kunahitaji ufunguo wa siri (Mipangilio → IntaSend).</translation>
    </message>
    <message>
        <source>IntaSend took the request (invoice %1), but the journal could not record it (%2). The till keeps the invoice and keeps checking the payment, and records it as soon as the journal can be written.</source>
        <translation>IntaSend imepokea ombi (ankara %1), lakini daftari halikuweza kulirekodi (%2). Till inaihifadhi ankara hiyo na inaendelea kukagua malipo, na itayarekodi mara tu daftari litakapoweza kuandikwa.</translation>
    </message>
    <message>
        <source>IntaSend did not make the card/QR checkout (%1). Nothing was charged.</source>
        <translation>IntaSend haikutengeneza malipo ya kadi/QR (%1). Hakuna kilichotozwa.</translation>
    </message>
</context>
<context>
    <name>lipa::TillSettingsPage</name>
    <message>
        <source>Follow the system</source>
        <translation>Fuata mfumo</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>Karatasi ya mviringo ya mm 58</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>Karatasi ya mviringo ya mm 80</translation>
    </message>
    <message>
        <source>A4 sheet</source>
        <translation>Karatasi ya A4</translation>
    </message>
</context>
<context>
    <name>lipa::TotalsPanel</name>
    <message>
        <source>Today</source>
        <translation>Leo</translation>
    </message>
    <message>
        <source>Paid: &lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2</source>
        <translation>Imelipwa: &lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2</translation>
    </message>
    <message>
        <source>Cash: &lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2</source>
        <translation>Pesa taslimu: &lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2</translation>
    </message>
    <message>
        <source>Waiting: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Inasubiri: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Check: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Kagua: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Failed: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Imeshindwa: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Shown: &lt;b&gt;%1&lt;/b&gt; paid, %2</source>
        <translation>Yanayoonyeshwa: &lt;b&gt;%1&lt;/b&gt; yamelipwa, %2</translation>
    </message>
    <message>
        <source>%1 in cash, %2</source>
        <translation>%1 kwa pesa taslimu, %2</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 yanasubiri</translation>
    </message>
    <message>
        <source>%1 to check</source>
        <translation>%1 ya kukagua</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 yameshindwa</translation>
    </message>
</context>
<context>
    <name>lipa::WaitingCard</name>
    <message>
        <source>Current payment</source>
        <translation>Malipo ya sasa</translation>
    </message>
    <message>
        <source>Check now (F5)</source>
        <translation>Angalia sasa (F5)</translation>
    </message>
    <message>
        <source>Resend… (F8)</source>
        <translation>Tuma tena… (F8)</translation>
    </message>
    <message>
        <source>Use cash (F9)</source>
        <translation>Pesa taslimu (F9)</translation>
    </message>
    <message>
        <source>The customer pays in cash instead: record the sale as paid in cash (F9)</source>
        <translation>Mteja analipa kwa pesa taslimu badala yake: rekodi mauzo kama yamelipwa kwa pesa taslimu (F9)</translation>
    </message>
    <message>
        <source>Stop waiting (Esc)</source>
        <translation>Acha kusubiri (Esc)</translation>
    </message>
    <message>
        <source>Hide this card. The till keeps checking the payment; the list shows how it ends.</source>
        <translation>Ficha kadi hii. Till inaendelea kukagua malipo; orodha inaonyesha jinsi yanavyoisha.</translation>
    </message>
    <message>
        <source>Ask IntaSend about this payment now (F5)</source>
        <translation>Uliza IntaSend kuhusu malipo haya sasa (F5)</translation>
    </message>
    <message>
        <source>Send this payment again, after a last check of it (F8)</source>
        <translation>Tuma malipo haya tena, baada ya ukaguzi wake wa mwisho (F8)</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 kutoka %2</translation>
    </message>
    <message>
        <source>%1. Expires in %2:%3.</source>
        <translation>%1. Muda unaisha baada ya %2:%3.</translation>
    </message>
    <message>
        <source>Paid.</source>
        <translation>Imelipwa.</translation>
    </message>
    <message>
        <source>M-Pesa receipt:</source>
        <translation>Risiti ya M-Pesa:</translation>
    </message>
    <message>
        <source>Done (Esc)</source>
        <translation>Imekamilika (Esc)</translation>
    </message>
    <message>
        <source>Another phone…</source>
        <translation>Simu nyingine…</translation>
    </message>
    <message>
        <source>The rest of the sale from another phone: type its number</source>
        <translation>Salio la mauzo kutoka simu nyingine: andika namba yake</translation>
    </message>
    <message>
        <source>Close short…</source>
        <translation>Funga bila salio…</translation>
    </message>
    <message>
        <source>Close the sale without the rest (manager PIN, with a reason)</source>
        <translation>Funga mauzo bila salio (PIN ya meneja, pamoja na sababu)</translation>
    </message>
    <message>
        <source>Later (Esc)</source>
        <translation>Baadaye (Esc)</translation>
    </message>
    <message>
        <source>Part %1/%2: %3, %4</source>
        <translation>Sehemu %1/%2: %3, %4</translation>
    </message>
    <message>
        <source>Send part %1 (F8)</source>
        <translation>Tuma sehemu %1 (F8)</translation>
    </message>
    <message>
        <source>Send the rest again (F8)</source>
        <translation>Tuma salio tena (F8)</translation>
    </message>
    <message>
        <source>Rest in cash (F9)</source>
        <translation>Salio kwa pesa taslimu (F9)</translation>
    </message>
    <message>
        <source>QR code of the checkout page</source>
        <translation>Msimbo wa QR wa ukurasa wa malipo</translation>
    </message>
    <message>
        <source>%1 by card/QR from %2</source>
        <translation>%1 kwa kadi/QR kutoka %2</translation>
    </message>
    <message>
        <source>The customer scans the QR code and pays by card or M-Pesa</source>
        <translation>Mteja anachanganua msimbo wa QR na kulipa kwa kadi au M-Pesa</translation>
    </message>
    <message>
        <source>Making the card/QR checkout</source>
        <translation>Inatengeneza ukurasa wa malipo wa kadi/QR</translation>
    </message>
</context>
<context>
    <name>lipa::wire</name>
    <message>
        <source>IntaSend sent an answer that is not JSON (%1)</source>
        <translation>IntaSend ilituma jibu ambalo si JSON (%1)</translation>
    </message>
    <message>
        <source>IntaSend sent an answer without an invoice</source>
        <translation>IntaSend ilituma jibu bila ankara</translation>
    </message>
    <message>
        <source>IntaSend sent an invoice without an id</source>
        <translation>IntaSend ilituma ankara bila kitambulisho</translation>
    </message>
    <message>
        <source>IntaSend sent an invoice without a state</source>
        <translation>IntaSend ilituma ankara bila hali</translation>
    </message>
    <message>
        <source>Customer&apos;s M-Pesa balance is too low</source>
        <translation>Salio la M-Pesa la mteja halitoshi</translation>
    </message>
    <message>
        <source>Customer cancelled the request</source>
        <translation>Mteja ameghairi ombi</translation>
    </message>
    <message>
        <source>Customer&apos;s phone could not be reached (off or no network) — try again</source>
        <translation>Simu ya mteja haikupatikana (imezimwa au haina mtandao) — jaribu tena</translation>
    </message>
    <message>
        <source>Wrong M-Pesa PIN entered</source>
        <translation>PIN ya M-Pesa iliyoingizwa si sahihi</translation>
    </message>
    <message>
        <source>The request expired before the customer answered</source>
        <translation>Ombi limepitwa na muda kabla mteja hajajibu</translation>
    </message>
    <message>
        <source>Customer has another M-Pesa payment in progress — wait, then try again</source>
        <translation>Mteja ana malipo mengine ya M-Pesa yanayoendelea — subiri, kisha ujaribu tena</translation>
    </message>
    <message>
        <source>M-Pesa system error — try again</source>
        <translation>Hitilafu ya mfumo wa M-Pesa — jaribu tena</translation>
    </message>
    <message>
        <source>Payment failed (no reason given)</source>
        <translation>Malipo yameshindwa (hakuna sababu iliyotolewa)</translation>
    </message>
    <message>
        <source>IntaSend sent a refund request without an id</source>
        <translation>IntaSend ilituma ombi la kurejesha pesa bila kitambulisho</translation>
    </message>
    <message>
        <source>IntaSend sent a refund request without a status</source>
        <translation>IntaSend ilituma ombi la kurejesha pesa bila hali yake</translation>
    </message>
    <message>
        <source>IntaSend sent an invoice list without its results</source>
        <translation>IntaSend ilituma orodha ya ankara bila matokeo yake</translation>
    </message>
    <message>
        <source>an item of the list is not an invoice</source>
        <translation>kipengele cha orodha si ankara</translation>
    </message>
    <message>
        <source>IntaSend sent a refund answer that is not an object</source>
        <translation>IntaSend ilituma jibu la kurejesha pesa lisilo na muundo unaotarajiwa</translation>
    </message>
    <message>
        <source>IntaSend sent a refund list without its results</source>
        <translation>IntaSend ilituma orodha ya marejesho bila matokeo yake</translation>
    </message>
    <message>
        <source>IntaSend sent an answer without a checkout</source>
        <translation>IntaSend ilituma jibu bila ukurasa wa malipo</translation>
    </message>
    <message>
        <source>IntaSend&apos;s checkout answer has no id, signature or page address</source>
        <translation>Jibu la IntaSend la ukurasa wa malipo halina kitambulisho, sahihi wala anwani ya ukurasa</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Lipa Till: take M-Pesa payments through IntaSend at a shop counter.</source>
        <translation>Lipa Till: pokea malipo ya M-Pesa kupitia IntaSend kwenye kaunta ya duka.</translation>
    </message>
    <message>
        <source>Run on the built-in IntaSend simulator: no real money.</source>
        <translation>Endesha kwenye kiigaji cha IntaSend kilichojengewa ndani: hakuna pesa halisi.</translation>
    </message>
    <message>
        <source>Use this IntaSend base URL (https, or http to 127.0.0.1 only).</source>
        <translation>Tumia URL hii ya msingi ya IntaSend (https, au http kwa 127.0.0.1 pekee).</translation>
    </message>
    <message>
        <source>IntaSend public key. The secret key is read only from the LIPA_TILL_SECRET_KEY environment variable.</source>
        <translation>Ufunguo wa umma wa IntaSend. Ufunguo wa siri husomwa tu kutoka kigezo cha mazingira LIPA_TILL_SECRET_KEY.</translation>
    </message>
    <message>
        <source>Where the settings file and the journal live.</source>
        <translation>Mahali faili la mipangilio na daftari vinapokaa.</translation>
    </message>
    <message>
        <source>Take one demo payment through the real window, in a throwaway data folder, and exit: 0 when it was paid.</source>
        <translation>Fanya malipo moja ya majaribio kupitia dirisha halisi, katika folda ya data ya muda, kisha uondoke: 0 ikiwa yalilipwa.</translation>
    </message>
    <message>
        <source>Exit as soon as the window is ready for the first payment (for start-up benchmarks).</source>
        <translation>Ondoka mara tu dirisha liko tayari kwa malipo ya kwanza (kwa vipimo vya kuwasha).</translation>
    </message>
    <message>
        <source>Lipa Till cannot start</source>
        <translation>Lipa Till haiwezi kuanza</translation>
    </message>
    <message>
        <source>The journal was found damaged earlier and was moved to %1. There is no journal now.</source>
        <translation>Daftari lilipatikana limeharibika hapo awali na likahamishiwa %1. Hakuna daftari sasa.</translation>
    </message>
    <message>
        <source>Start the till on a screen to begin a new journal.</source>
        <translation>Washa till kwenye skrini ili kuanza daftari jipya.</translation>
    </message>
    <message>
        <source>No journal</source>
        <translation>Hakuna daftari</translation>
    </message>
    <message>
        <source>Start a new, empty journal now?</source>
        <translation>Anza daftari jipya, tupu, sasa?</translation>
    </message>
    <message>
        <source>The journal is damaged</source>
        <translation>Daftari limeharibika</translation>
    </message>
    <message>
        <source>Start a new, empty journal now? The damaged file stays where it is for the shop&apos;s records.</source>
        <translation>Anza daftari jipya, tupu, sasa? Faili lililoharibika linabaki lilipo kwa kumbukumbu za duka.</translation>
    </message>
    <message>
        <source>Start a new journal</source>
        <translation>Anza daftari jipya</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Ondoka</translation>
    </message>
    <message>
        <source>Another Lipa Till (process %1) is already running with the data folder %2. Only one till can use it at a time.</source>
        <translation>Lipa Till nyingine (mchakato %1) tayari inaendeshwa na folda ya data %2. Till moja tu inaweza kuitumia kwa wakati mmoja.</translation>
    </message>
    <message>
        <source>Other users of this computer may be able to read the data folder %1, and the till could not change that (%2).</source>
        <translation>Watumiaji wengine wa kompyuta hii huenda wanaweza kusoma folda ya data %1, na till haikuweza kubadilisha hilo (%2).</translation>
    </message>
    <message>
        <source>The shop database shared by the shop&apos;s tills: postgresql://USER@HOST:PORT/DBNAME. The password is read from the key store or LIPA_TILL_SHOP_DB_PASSWORD, never from here.</source>
        <translation>Hifadhidata ya duka inayotumiwa pamoja na till za duka: postgresql://USER@HOST:PORT/DBNAME. Nenosiri husomwa kutoka hifadhi ya funguo au LIPA_TILL_SHOP_DB_PASSWORD, kamwe si kutoka hapa.</translation>
    </message>
    <message>
        <source>With --shop-db, --from and --to: write every till&apos;s payments of those days to FILE and exit, without a window.</source>
        <translation>Pamoja na --shop-db, --from na --to: andika malipo ya till zote ya siku hizo kwenye FILE kisha uondoke, bila dirisha.</translation>
    </message>
    <message>
        <source>The first day of --export-csv.</source>
        <translation>Siku ya kwanza ya --export-csv.</translation>
    </message>
    <message>
        <source>The last day of --export-csv.</source>
        <translation>Siku ya mwisho ya --export-csv.</translation>
    </message>
    <message>
        <source>This till&apos;s identity (till/id) could not be saved (%1): the shop database is not used until it can be.</source>
        <translation>Utambulisho wa till hii (till/id) haukuweza kuhifadhiwa (%1): hifadhidata ya duka haitumiki hadi uweze kuhifadhiwa.</translation>
    </message>
</context>
</TS>
