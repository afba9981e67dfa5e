namespace Workshops.Integrations;

/// <summary>
/// How a receiver checks a webhook delivery, in words and in code, written from the constants the sender uses. The
/// same text is in the OpenAPI document (the Integrations tag) and the README; the tests compile and run both snippets
/// against a real delivery.
/// </summary>
public static class WebhookGuide
{
    /// <summary>A receiver's check in C#, self-contained.</summary>
    public const string CSharp = """
        using System;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Text;

        public static class WorkshopsWebhooks
        {
            /// <summary>True when one of the delivery's signatures is ours and its timestamp is within 300 seconds of now.</summary>
            public static bool Verify(string secret, string timestampHeader, string signatureHeader, byte[] body, DateTimeOffset now)
            {
                if (!long.TryParse(timestampHeader, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300) return false;
                var signed = Encoding.UTF8.GetBytes(timestampHeader + ".").Concat(body).ToArray();
                var expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)).ToLowerInvariant();
                return signatureHeader.Split(',').Select(s => s.Trim()).Any(s =>
                    CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
            }
        }
        """;

    /// <summary>
    /// The same check in bash, with the body saved as body.json and the headers in variables: the signature, and the
    /// timestamp a whole number of seconds within the tolerance of the receiver's clock either way (a stale one is a replay).
    /// </summary>
    public static readonly string Shell =
        $$"""now=$(date +%s); sig=$(printf '%s.' "$TIMESTAMP" | cat - body.json | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.*= /sha256=/'); if [[ $TIMESTAMP =~ ^[0-9]{1,12}$ ]] && (( now - 10#$TIMESTAMP <= {{WebhookSignature.ToleranceSeconds}} && 10#$TIMESTAMP - now <= {{WebhookSignature.ToleranceSeconds}} )) && [[ ", $SIGNATURE," == *", $sig,"* ]]; then echo valid; else echo invalid; fi""";

    public static string Markdown =>
        $$"""
        Webhooks: an integration client subscribes a URL to public event types of a region it covers (POST /api/webhooks); each
        event is POSTed there as JSON, at least once (dedupe by `{{WebhookSignature.EventIdHeader}}`), retried with growing waits,
        and every attempt is listed under the subscription's deliveries.

        **Every delivery is signed.** Headers:

        | header | value |
        |---|---|
        | `{{WebhookSignature.TimestampHeader}}` | when it was sent, in Unix seconds |
        | `{{WebhookSignature.SignatureHeader}}` | `sha256=` and the lower-case hex HMAC-SHA256 of the signed string; during a rotation one per secret, separated by `, ` |
        | `{{WebhookSignature.EventIdHeader}}` | the event's id, the same on every retry |
        | `{{WebhookSignature.DeliveryHeader}}` | this delivery's id |

        The signed string is the timestamp header's text, a full stop, and the body's bytes as received: `{timestamp}.{body}`.
        The key is the subscription's secret (UTF-8). Accept a delivery when any signature in the header equals the one you
        compute (compare in constant time) and the timestamp is within {{WebhookSignature.ToleranceSeconds}} seconds of your clock;
        refuse it otherwise (a stale timestamp is a replay).

        **Rotating the secret:** POST /api/webhooks/{id}/secret with the new secret. For the overlap (`overlapMinutes`, a day
        unless given, at most a week) deliveries carry two signatures, the new secret's and the previous one's, so a receiver can
        switch at any moment in between; afterwards only the new secret signs. Pause or resume a subscription, or change its
        event types, with PATCH /api/webhooks/{id}; remove it with DELETE.

        In C#:

        ```csharp
        {{CSharp}}
        ```

        In bash, with the body saved as `body.json` and `TIMESTAMP`, `SIGNATURE` and `SECRET` set (it checks the signature and the
        {{WebhookSignature.ToleranceSeconds}}-second window):

        ```bash
        {{Shell}}
        ```
        """;
}
