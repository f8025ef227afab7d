//! The development server's HTTP/1.1, on std's sockets alone: GET and HEAD of files, one
//! request per connection, with every limit a server facing a browser needs.
//!
//! - A fixed number of worker threads, and a short queue of connections waiting for one; a
//!   connection beyond that is answered 503 at once, so a flood of sockets cannot grow threads
//!   or memory.
//! - The request head must arrive whole within [`HEAD_TIMEOUT`] and fit in [`MAX_HEAD`] bytes:
//!   a client that sends it slowly, or never, holds a worker for that long at most.
//! - The `Host` header must name this machine: `localhost` (or a name under `.localhost`), an
//!   IP address, or the address given to `--bind`. A page on another site that has its own
//!   name resolve to 127.0.0.1 (DNS rebinding) still sends its own name, and is refused.

use std::io::{self, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Threads answering requests.
const WORKERS: usize = 8;
/// Connections accepted but waiting for a worker; more are answered 503.
const QUEUE: usize = 32;
/// Time for the whole request head to arrive.
pub(super) const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// Time any one read or write may block.
const IO_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request head (request line and headers).
pub(super) const MAX_HEAD: usize = 16 * 1024;

/// A request as the handler sees it.
pub(super) struct Request {
    /// `GET` or `HEAD`.
    pub(super) head_only: bool,
    /// The request target as sent (`/events/x.html?q`).
    pub(super) target: String,
}

/// What the handler answers.
pub(super) struct Response {
    pub(super) status: u16,
    pub(super) headers: Vec<(&'static str, String)>,
    pub(super) body: Vec<u8>,
}

impl Response {
    /// A response with a body of `kind`.
    pub(super) fn new(status: u16, kind: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", kind.to_string())],
            body,
        }
    }

    fn text(status: u16, body: &str) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            body.as_bytes().to_vec(),
        )
    }
}

/// Which `Host` names the server answers to.
#[derive(Debug, Clone)]
pub(super) struct HostCheck {
    /// The `--bind` address as given (a name or an IP address).
    bind: String,
}

impl HostCheck {
    pub(super) fn new(bind: &str) -> HostCheck {
        HostCheck {
            bind: bind.trim_end_matches('.').to_ascii_lowercase(),
        }
    }

    /// Whether a request with this `Host` header may be answered.
    pub(super) fn allows(&self, host: &str) -> bool {
        let host = host.trim();
        // The name without its port: `[::1]:1111`, `localhost:1111`, `127.0.0.1`.
        let name = if let Some(rest) = host.strip_prefix('[') {
            match rest.split_once(']') {
                Some((inside, after)) if after.is_empty() || is_port(after) => inside,
                _ => return false,
            }
        } else {
            match host.rsplit_once(':') {
                Some((name, port)) if is_port(&format!(":{port}")) => name,
                Some(_) => return false,
                None => host,
            }
        };
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if name.is_empty() {
            return false;
        }
        name == "localhost"
            || name.ends_with(".localhost")
            || name.parse::<IpAddr>().is_ok()
            || name == self.bind
    }
}

fn is_port(text: &str) -> bool {
    text.strip_prefix(':')
        .is_some_and(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The listening socket and the threads behind it.
pub(super) struct Server {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    threads: Vec<thread::JoinHandle<()>>,
}

impl Server {
    /// Listens on `bind:port` and answers every request with `handler`.
    pub(super) fn start(
        bind: &str,
        port: u16,
        hosts: HostCheck,
        handler: Arc<dyn Fn(Request) -> Response + Send + Sync>,
    ) -> io::Result<Server> {
        let listener = TcpListener::bind((bind, port))?;
        let address = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let (queue, waiting) = mpsc::sync_channel::<TcpStream>(QUEUE);
        let waiting = Arc::new(Mutex::new(waiting));
        let mut threads = Vec::new();
        for _ in 0..WORKERS {
            let waiting = Arc::clone(&waiting);
            let stop = Arc::clone(&stop);
            let hosts = hosts.clone();
            let handler = Arc::clone(&handler);
            threads.push(thread::spawn(move || loop {
                let next = waiting
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .recv_timeout(Duration::from_millis(200));
                match next {
                    Ok(stream) => answer(stream, &hosts, handler.as_ref()),
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => return,
                }
                if stop.load(Ordering::Relaxed) {
                    return;
                }
            }));
        }
        let accept_stop = Arc::clone(&stop);
        threads.push(thread::spawn(move || {
            for stream in listener.incoming() {
                if accept_stop.load(Ordering::Relaxed) {
                    return;
                }
                let Ok(stream) = stream else { continue };
                if let Err(mpsc::TrySendError::Full(stream)) = queue.try_send(stream) {
                    busy(stream);
                }
            }
        }));
        Ok(Server {
            address,
            stop,
            threads,
        })
    }

    /// Where it listens.
    pub(super) fn address(&self) -> SocketAddr {
        self.address
    }

    /// Stops accepting, lets the requests being answered finish, and joins every thread.
    pub(super) fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        // Wakes the thread blocked in accept().
        let mut wake = self.address;
        if wake.ip().is_unspecified() {
            wake.set_ip(match wake {
                SocketAddr::V4(_) => IpAddr::from([127, 0, 0, 1]),
                SocketAddr::V6(_) => IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
            });
        }
        let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
        for t in self.threads {
            let _ = t.join();
        }
    }
}

/// Every worker is busy and the queue is full: say so without waiting on the client.
fn busy(stream: TcpStream) {
    let _ = stream.set_nonblocking(true);
    let mut stream = stream;
    let _ = write_response(
        &mut stream,
        &Response::text(503, "busy: too many connections\n"),
        false,
    );
    let _ = stream.shutdown(Shutdown::Both);
}

/// Answers one connection: one request, then the connection closes.
fn answer(
    mut stream: TcpStream,
    hosts: &HostCheck,
    handler: &(dyn Fn(Request) -> Response + Sync),
) {
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let (response, head_only) = match read_head(&mut stream, Instant::now() + HEAD_TIMEOUT) {
        Ok(head) => match parse(&head, hosts) {
            Ok(request) => {
                let head_only = request.head_only;
                (handler(request), head_only)
            }
            Err(response) => (response, false),
        },
        Err(HeadError::TooLarge) => (Response::text(431, "request head too large\n"), false),
        Err(HeadError::Timeout) => (
            Response::text(408, "request head not received in time\n"),
            false,
        ),
        Err(HeadError::Closed) => return,
    };
    let _ = write_response(&mut stream, &response, head_only);
    close_gracefully(stream);
}

/// Ends the connection after the response without losing it: closing with unread input (the
/// rest of a head too large, a body) makes TCP reset the connection, and the client may then
/// never see the answer. The input is read and dropped for a moment first.
fn close_gracefully(mut stream: TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let mut sink = [0u8; 8192];
    let mut drained = 0;
    while drained < 1 << 20 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum HeadError {
    TooLarge,
    Timeout,
    Closed,
}

/// Reads up to the blank line that ends the request head, within `deadline` overall.
pub(super) fn read_head(
    stream: &mut impl ReadTimeout,
    deadline: Instant,
) -> Result<Vec<u8>, HeadError> {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(HeadError::Timeout);
        }
        stream.set_timeout(left.min(IO_TIMEOUT));
        let n = match stream.read(&mut chunk) {
            Ok(0) => return Err(HeadError::Closed),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err(HeadError::Timeout)
            }
            Err(_) => return Err(HeadError::Closed),
        };
        let searched_from = head.len().saturating_sub(3);
        head.extend_from_slice(&chunk[..n]);
        if let Some(end) = find_end(&head[searched_from..]) {
            head.truncate(searched_from + end);
            return Ok(head);
        }
        if head.len() > MAX_HEAD {
            return Err(HeadError::TooLarge);
        }
    }
}

/// A stream whose reads can be given a timeout (a socket; a test's reader).
pub(super) trait ReadTimeout: Read {
    fn set_timeout(&mut self, timeout: Duration);
}

impl ReadTimeout for TcpStream {
    fn set_timeout(&mut self, timeout: Duration) {
        let _ = self.set_read_timeout(Some(timeout.max(Duration::from_millis(1))));
    }
}

/// Where the head ends: after `\r\n\r\n` (or a bare `\n\n`).
fn find_end(bytes: &[u8]) -> Option<usize> {
    (0..bytes.len()).find_map(|i| {
        if bytes[i..].starts_with(b"\r\n\r\n") {
            Some(i + 4)
        } else if bytes[i..].starts_with(b"\n\n") {
            Some(i + 2)
        } else {
            None
        }
    })
}

/// The request in a head, or the response that refuses it.
pub(super) fn parse(head: &[u8], hosts: &HostCheck) -> Result<Request, Response> {
    let bad = |why: &str| Response::text(400, &format!("bad request: {why}\n"));
    let text = std::str::from_utf8(head).map_err(|_| bad("not UTF-8"))?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().unwrap_or("");
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("malformed request line"));
    };
    let http10 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        _ => return Err(bad("only HTTP/1.0 and 1.1 are spoken here")),
    };
    let mut host: Option<&str> = None;
    for line in lines.filter(|l| !l.is_empty()) {
        if line.starts_with([' ', '\t']) {
            return Err(bad("folded header lines are not accepted"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(bad("malformed header"));
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic() && b != b':') {
            return Err(bad("malformed header name"));
        }
        if name.eq_ignore_ascii_case("host") {
            if host.is_some() {
                return Err(bad("more than one Host header"));
            }
            host = Some(value.trim());
        }
    }
    match host {
        Some(h) if !hosts.allows(h) => {
            return Err(Response::text(
                403,
                "forbidden: this server answers only to localhost, IP addresses and its --bind \
                 address (a page elsewhere may not reach it through a name of its own)\n",
            ))
        }
        None if !http10 => return Err(bad("HTTP/1.1 requests need a Host header")),
        _ => {}
    }
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => {
            let mut response = Response::text(405, "method not allowed\n");
            response.headers.push(("Allow", "GET, HEAD".into()));
            return Err(response);
        }
    };
    Ok(Request {
        head_only,
        target: target.to_string(),
    })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

fn write_response(stream: &mut impl Write, response: &Response, head_only: bool) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        response.status,
        reason(response.status)
    );
    for (name, value) in &response.headers {
        // Values come from the server itself; a line break would still never get through.
        if value.contains(['\r', '\n']) {
            continue;
        }
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        response.body.len()
    ));
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&response.body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_of_this_machine_only() {
        let loopback = HostCheck::new("127.0.0.1");
        for ok in [
            "localhost",
            "localhost:1111",
            "LOCALHOST.",
            "app.localhost:8080",
            "127.0.0.1",
            "127.0.0.1:1111",
            "[::1]:1111",
            "[::1]",
            "10.0.0.5:80",
        ] {
            assert!(loopback.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "",
            ":1111",
            "localhost:99999x",
            "[::1",
            "localhost:1111:2",
            "localhost:1111@evil.example",
            "evil.example#@localhost",
            "[fe80::1%25eth0]:1111",
        ] {
            assert!(!loopback.allows(bad), "{bad}");
        }
        assert!(HostCheck::new("devbox").allows("devbox:1111"));
        assert!(!HostCheck::new("devbox").allows("other:1111"));
    }

    #[test]
    fn heads_are_parsed_strictly() {
        let hosts = HostCheck::new("127.0.0.1");
        let ok = parse(b"GET /a.html HTTP/1.1\r\nHost: localhost:1\r\n\r\n", &hosts)
            .ok()
            .unwrap();
        assert_eq!(ok.target, "/a.html");
        assert!(!ok.head_only);
        assert!(
            parse(b"HEAD / HTTP/1.0\r\n\r\n", &hosts)
                .ok()
                .unwrap()
                .head_only
        );
        let status = |head: &[u8]| parse(head, &hosts).err().map(|r| r.status);
        assert_eq!(status(b"GET / HTTP/1.1\r\n\r\n"), Some(400), "no Host");
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n"),
            Some(403)
        );
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n"),
            Some(400)
        );
        assert_eq!(
            status(b"POST / HTTP/1.1\r\nHost: localhost\r\n\r\n"),
            Some(405)
        );
        assert_eq!(
            status(b"GET / HTTP/2\r\nHost: localhost\r\n\r\n"),
            Some(400)
        );
        assert_eq!(
            status(b"GET  / HTTP/1.1\r\nHost: localhost\r\n\r\n"),
            Some(400)
        );
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nHost: localhost\r\n folded\r\n\r\n"),
            Some(400)
        );
        assert_eq!(status(b"GET / HTTP/1.1\r\nHo st: x\r\n\r\n"), Some(400));
        assert_eq!(
            status(b"GET /\xff HTTP/1.1\r\nHost: localhost\r\n\r\n"),
            Some(400)
        );
    }

    /// A reader that hands out its bytes a few at a time, like a slow client.
    struct Trickle(Vec<u8>, usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                std::thread::sleep(Duration::from_millis(30));
                return Err(io::ErrorKind::WouldBlock.into());
            }
            let n = self.1.min(self.0.len()).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0.drain(..n);
            Ok(n)
        }
    }

    impl ReadTimeout for Trickle {
        fn set_timeout(&mut self, _: Duration) {}
    }

    #[test]
    fn heads_end_at_their_blank_line_and_within_their_limits() {
        let deadline = || Instant::now() + Duration::from_millis(300);
        let head = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\nbody".to_vec();
        let got = read_head(&mut Trickle(head, 3), deadline()).unwrap();
        assert!(got.ends_with(b"\r\n\r\n") && !got.ends_with(b"body"));
        // Never finished: the deadline ends it.
        let started = Instant::now();
        let slow = b"GET / HTTP/1.1\r\nHost: local".to_vec();
        assert_eq!(
            read_head(&mut Trickle(slow, 1), deadline()),
            Err(HeadError::Timeout)
        );
        assert!(started.elapsed() < Duration::from_secs(2));
        // Too long.
        let long = [b"GET / HTTP/1.1\r\nX: ".to_vec(), vec![b'a'; MAX_HEAD + 10]].concat();
        assert_eq!(
            read_head(&mut Trickle(long, 4096), deadline()),
            Err(HeadError::TooLarge)
        );
    }
}
