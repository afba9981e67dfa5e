using System.Net;
using System.Net.Sockets;

namespace Workshops.Integrations;

/// <summary>Resolves a receiver's host name; DNS in production, a stand-in in tests.</summary>
public interface IWebhookResolver
{
    Task<IPAddress[]> Resolve(string host, CancellationToken ct);
}

public sealed class DnsWebhookResolver : IWebhookResolver
{
    public Task<IPAddress[]> Resolve(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}

/// <summary>A receiver's address is one webhooks may not reach.</summary>
public sealed class WebhookAddressRefused(string host) : IOException($"The receiver {host} resolves to an address webhooks may not reach.");

/// <summary>
/// Where webhooks may connect (SSRF guard). The address checked is the address connected to: the sender resolves the
/// receiver's name itself when it opens a connection (<see cref="Connect"/>), so a name cannot pass a check and then
/// rebind. Refused unless the operator allow-lists them (Webhooks:AllowedNetworks): every special-purpose block of the
/// IANA IPv4 and IPv6 special-purpose address registries, multicast and the reserved 240/4 (with broadcast), and in
/// IPv6 everything outside global unicast 2000::/3 — so the IPv4-mapped, IPv4-compatible and -translated forms, NAT64
/// (64:ff9b::/96, 64:ff9b:1::/48), unique local (fc00::/7), link- and site-local, and the blocks inside 2000::/3 that
/// tunnel or document (Teredo 2001::/32 within 2001::/23, 6to4 2002::/16, 2001:db8::/32, 3fff::/20). Loopback
/// (127.0.0.0/8, ::1) only with Webhooks:AllowLoopback.
/// </summary>
public static class WebhookNetworks
{
    private static readonly IPNetwork[] SpecialV4 = Parse(
        "0.0.0.0/8",        // this network
        "10.0.0.0/8",       // private
        "100.64.0.0/10",    // shared address space (carrier-grade NAT)
        "127.0.0.0/8",      // loopback
        "169.254.0.0/16",   // link-local, cloud metadata (169.254.169.254)
        "172.16.0.0/12",    // private
        "192.0.0.0/24",     // IETF protocol assignments (DS-Lite, NAT64 discovery …)
        "192.0.2.0/24",     // documentation TEST-NET-1
        "192.31.196.0/24",  // AS112-v4
        "192.52.193.0/24",  // AMT
        "192.88.99.0/24",   // deprecated 6to4 relay anycast
        "192.168.0.0/16",   // private
        "192.175.48.0/24",  // direct delegation AS112
        "198.18.0.0/15",    // benchmarking
        "198.51.100.0/24",  // documentation TEST-NET-2
        "203.0.113.0/24",   // documentation TEST-NET-3
        "224.0.0.0/4",      // multicast
        "240.0.0.0/4");     // reserved, with the limited broadcast 255.255.255.255

    private static readonly IPNetwork GlobalUnicastV6 = IPNetwork.Parse("2000::/3");

    private static readonly IPNetwork[] SpecialV6 = Parse(
        "2001::/23",        // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID …
        "2001:db8::/32",    // documentation
        "2002::/16",        // 6to4
        "3fff::/20");       // documentation

    private static readonly IPNetwork LoopbackV4 = IPNetwork.Parse("127.0.0.0/8");

    private static IPNetwork[] Parse(params string[] networks) => [.. networks.Select(IPNetwork.Parse)];

    /// <summary>Why a webhook may not connect to <paramref name="address"/>; null when it may.</summary>
    public static string? Refusal(IPAddress address, WebhookOptions options)
    {
        // Before anything else: IPNetwork.Contains reads an IPv4-mapped address as its IPv4 address (and counts it
        // inside IPv6 networks too), so ::ffff:10.0.0.1 would pass as global unicast.
        if (address.IsIPv4MappedToIPv6) return "an IPv4-mapped IPv6 address";
        if (options.AllowedNetworks.Any(n => IPNetwork.Parse(n).Contains(address))) return null;
        if (options.AllowLoopback && (LoopbackV4.Contains(address) || address.Equals(IPAddress.IPv6Loopback))) return null;
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => SpecialV4.Any(n => n.Contains(address)) ? "a special-purpose IPv4 address" : null,
            AddressFamily.InterNetworkV6 => address.ScopeId != 0 || !GlobalUnicastV6.Contains(address) || SpecialV6.Any(n => n.Contains(address))
                ? "a special-purpose IPv6 address"
                : null,
            _ => "not an internet address",
        };
    }

    /// <summary>
    /// The sending handler's connect step: resolve (a literal address is taken as it is), refuse the name when any
    /// address it resolves to is refused, and connect to exactly the addresses checked.
    /// </summary>
    public static async ValueTask<Stream> Connect(DnsEndPoint endpoint, WebhookOptions options, IWebhookResolver resolver, CancellationToken ct)
    {
        var host = endpoint.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.Resolve(host, ct);
        if (addresses.Length == 0 || addresses.Any(a => Refusal(a, options) is not null)) throw new WebhookAddressRefused(host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>Checks a subscription's URL when it is registered; the connect step checks again what it resolves to.</summary>
public static class WebhookUrls
{
    /// <summary>Top-level names that never reach the public internet (special-use and private-use names).</summary>
    private static readonly HashSet<string> PrivateNames = new(StringComparer.Ordinal)
    {
        "localhost", "local", "internal", "localdomain", "lan", "intranet", "corp", "home", "invalid", "test", "onion", "arpa",
    };

    /// <summary>An absolute http(s) URL of a public host: no user info, no special-purpose address, no private name.</summary>
    public static string? Problem(string? url, WebhookOptions options)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            return "must be an absolute http(s) URL of at most 2000 characters";
        if (uri.UserInfo.Length > 0) return "must not carry a user name or password";
        var host = uri.DnsSafeHost.TrimStart('[').TrimEnd(']');
        if (IPAddress.TryParse(host, out var address))
            return WebhookNetworks.Refusal(address, options) is null ? null : "must not point at a private, loopback or special-purpose address";
        var name = host.TrimEnd('.').ToLowerInvariant();
        var labels = name.Split('.');
        if (labels[^1] == "localhost")
            return options.AllowLoopback ? null : "must not point at this machine";
        if (labels.Length < 2 || labels.Any(l => l.Length == 0))
            return "must name a public host (a fully qualified name)";
        if (PrivateNames.Contains(labels[^1]) || labels[^1].All(c => char.IsAsciiDigit(c)) || labels[^1].StartsWith("0x", StringComparison.Ordinal))
            return "must name a public host, not a private or special-use name";
        return null;
    }
}
