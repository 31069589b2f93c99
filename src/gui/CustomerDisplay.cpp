// SPDX-License-Identifier: GPL-3.0-or-later
#include "CustomerDisplay.h"

#include "Palette.h"
#include "QrCode.h"
#include "Till.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QTranslator>
#include <QVBoxLayout>

namespace lipa {

namespace {

constexpr char kContext[] = "lipa::CustomerDisplay";

QLabel* centred(QWidget* parent, const char* name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

CustomerDisplay::CustomerDisplay(Till& till, const QString& shopName, const QString& language,
                                 QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_till(till)
    , m_shopName(shopName.isEmpty() ? QStringLiteral("Lipa Till") : shopName)
{
    setObjectName(QStringLiteral("customerDisplay"));
    setAttribute(Qt::WA_ShowWithoutActivating); // the cashier's window keeps the keyboard
    setFocusPolicy(Qt::NoFocus);
    if (!language.isEmpty() && language != u"en") {
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(QStringLiteral(":/i18n/lipa-till_%1.qm").arg(language)))
            m_translator = std::move(translator);
    }
    m_customerIsEnglish = language == u"en";
    setWindowTitle(text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Customer display")));
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(palette);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(1);
    m_title = centred(this, "customerTitle");
    m_line = centred(this, "customerLine");
    m_detail = centred(this, "customerDetail");
    m_qr = new QLabel(this);
    m_qr->setObjectName(QStringLiteral("customerQr"));
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->hide();
    for (QWidget* widget : std::initializer_list<QWidget*>{m_title, m_line, m_qr, m_detail})
        layout->addWidget(widget);
    layout->addStretch(1);
    resize(800, 480);
    showIdle();
}

CustomerDisplay::~CustomerDisplay() = default;

QString CustomerDisplay::text(const char* source) const
{
    if (m_translator) {
        const QString translated = m_translator->translate(kContext, source);
        if (!translated.isEmpty())
            return translated;
        return QString::fromUtf8(source);
    }
    if (m_customerIsEnglish)
        return QString::fromUtf8(source);
    return QCoreApplication::translate(kContext, source); // the till's own language
}

bool CustomerDisplay::showAs(const CustomerDisplaySetting& setting)
{
    const QList<QScreen*> screens = QGuiApplication::screens();
    if (setting.where == CustomerDisplaySetting::Where::Screen && setting.screen <= screens.size()) {
        QScreen* screen = screens.at(setting.screen - 1);
        setScreen(screen);
        setGeometry(screen->geometry());
        showFullScreen();
        return true;
    }
    show();
    return setting.where != CustomerDisplaySetting::Where::Screen;
}

void CustomerDisplay::setLines(const QString& title, const QString& line, const QString& detail,
                               const QString& toneStyle)
{
    m_title->setText(title);
    m_line->setText(line);
    m_line->setVisible(!line.isEmpty());
    m_line->setStyleSheet(toneStyle);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setAccessibleDescription(lines().join(u'\n'));
}

void CustomerDisplay::showIdle()
{
    m_qr->hide();
    m_qrImage = {};
    setLines(m_shopName, text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Welcome")), {}, {});
}

void CustomerDisplay::showPayment(const Payment& payment)
{
    m_qr->hide();
    m_qrImage = {};
    const QString amount = payment.amount.toDisplayString();
    const StateTraits& traits = traitsOf(payment.state);
    if (payment.state == PaymentState::Complete) {
        setLines(amount, text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Paid — thank you")),
                 payment.mpesaReceipt.isEmpty()
                     ? QString()
                     : text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "M-Pesa receipt %1"))
                           .arg(payment.mpesaReceipt),
                 Palette::textStyle(Tone::Good, true));
        return;
    }
    if (payment.state == PaymentState::Cash) {
        setLines(amount, text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Paid in cash — thank you")), {},
                 Palette::textStyle(Tone::Good, true));
        return;
    }
    if (traits.inProgress && payment.isCheckout() && payment.checkoutUrl.isEmpty()) {
        setLines(payment.amount.toDisplayString(),
                 text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Preparing your QR code…")), {},
                 Palette::textStyle(Tone::Waiting, true));
        return;
    }
    if (traits.inProgress && payment.isCheckout()) {
        if (!payment.checkoutUrl.isEmpty() && m_qrUrl != payment.checkoutUrl) {
            m_qrUrl = payment.checkoutUrl;
            m_qrCode = QrCode::image(m_qrUrl);
        }
        if (!payment.checkoutUrl.isEmpty()) {
            showQr(m_qrCode, payment);
            return;
        }
    }
    if (traits.inProgress) {
        const qint64 left = std::max<qint64>(0, m_till.clock().now().secsTo(m_till.expiresAt(payment)));
        setLines(amount,
                 text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Enter your M-Pesa PIN on %1"))
                     .arg(payment.phone.masked()),
                 text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Time left %1:%2"))
                     .arg(left / 60)
                     .arg(left % 60, 2, 10, QLatin1Char('0')),
                 Palette::textStyle(Tone::Waiting, true));
        return;
    }
    setLines(amount, text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Not paid")), reasonFor(payment),
             Palette::textStyle(payment.state == PaymentState::Unknown ? Tone::Attention : Tone::Bad, true));
}

QString CustomerDisplay::reasonFor(const Payment& payment) const
{
    switch (payment.state) {
    case PaymentState::Expired:
        if (payment.isCheckout())
            return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "The payment page was not paid in time."));
        return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "The request on your phone timed out."));
    case PaymentState::Rejected:
        return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay",
                                      "The payment could not be started. Please ask the cashier."));
    case PaymentState::Unknown:
        return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay",
                                      "The cashier is checking whether it was paid. Please wait."));
    default:
        break;
    }
    const QString code = payment.failedCode.trimmed();
    if (code == u"1")
        return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Your M-Pesa balance is too low."));
    if (code == u"1032")
        return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "The request was cancelled on your phone."));
    if (code == u"1037")
        return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay",
                                      "Your phone could not be reached. Check it is on, then try again."));
    if (code == u"2001")
        return text(
            QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "The M-Pesa PIN was wrong. Please try again."));
    if (code == u"1019")
        return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "The request on your phone timed out."));
    if (code == u"1001")
        return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay",
                                      "Another M-Pesa payment is in progress on your phone. Please wait, "
                                      "then try again."));
    return text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "The payment did not go through."));
}

void CustomerDisplay::showQr(const QImage& qr, const Payment& payment)
{
    m_qrImage = qr;
    setLines(payment.amount.toDisplayString(),
             text(QT_TRANSLATE_NOOP("lipa::CustomerDisplay", "Scan to pay by card or M-Pesa")), {},
             Palette::textStyle(Tone::Waiting, true));
    m_qr->show();
    resizeEvent(nullptr);
}

QStringList CustomerDisplay::lines() const
{
    QStringList lines{m_title->text()};
    for (const QLabel* label : {m_line, m_detail}) {
        if (!label->isHidden())
            lines.append(label->text());
    }
    return lines;
}

void CustomerDisplay::resizeEvent(QResizeEvent* event)
{
    // Type in proportion to the screen, readable from where the customer stands; smaller beside a QR code,
    // which must fit whole.
    const bool qr = !m_qrImage.isNull();
    const int unit = qr ? std::max(10, std::min(width() / 22, height() / 15))
                        : std::max(12, std::min(width() / 14, height() / 9));
    QFont big = font();
    big.setPixelSize(unit * 2);
    big.setBold(true);
    m_title->setFont(big);
    QFont medium = font();
    medium.setPixelSize(unit);
    m_line->setFont(medium);
    QFont small = font();
    small.setPixelSize(std::max(12, unit * 2 / 3));
    m_detail->setFont(small);
    if (!m_qrImage.isNull()) {
        // Whole modules only, so the code stays sharp for the phone's camera.
        const int side = std::max(64, std::min(width(), height() * 55 / 100));
        const int scale = std::max(1, side / m_qrImage.width());
        m_qr->setPixmap(QPixmap::fromImage(
            m_qrImage.scaled(m_qrImage.size() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation)));
        m_qr->setMinimumSize(m_qr->pixmap().size()); // never squeezed: a cut code does not scan
    }
    if (event)
        QWidget::resizeEvent(event);
}

} // namespace lipa
