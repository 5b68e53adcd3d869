// The base distributions under the catalog's images: what /etc says, which shell /bin/sh is, and
// which executables exist (what `ls /bin` shows and what a command name resolves to). Contents are
// copied from the official images (busybox 1.37, alpine 3.21, debian bookworm, ubuntu noble).
import type { OsRelease } from './catalog-types';

/** The PATH Docker images set (and Docker's default when an image sets none). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** busybox applets installed as links in /bin (the busybox image installs every applet there). */
const BUSYBOX_APPLETS = (
  '[ [[ addgroup adduser ar arch arp arping ash awk base32 base64 basename bc blkid bunzip2 bzcat bzip2 cal cat ' +
  'chgrp chmod chown chroot chvt cksum clear cmp comm cp cpio crond crontab cut date dc dd deallocvt delgroup ' +
  'deluser df diff dirname dmesg dnsdomainname dos2unix du dumpkmap echo ed egrep env expand expr factor fallocate ' +
  'false fdisk fgrep find flock fold free fsync ftpget ftpput fuser getopt getty grep groups gunzip gzip halt hd ' +
  'head hexdump hostid hostname httpd hwclock id ifconfig init insmod install ip ipcalc kill killall killall5 klogd ' +
  'last less link linux32 linux64 ln logger login logname ls lsmod lsof lzcat md5sum mkdir mkfifo mknod mkswap ' +
  'mktemp modprobe more mount mountpoint mv nc netstat nice nl nohup nproc nsenter nslookup od openvt passwd paste ' +
  'patch pgrep pidof ping ping6 pivot_root pkill pmap poweroff printenv printf ps pstree pwd pwdx rdate readlink ' +
  'realpath reboot renice reset rev rm rmdir rmmod route run-parts sed seq setsid sh sha1sum sha256sum sha3sum ' +
  'sha512sum shred shuf sleep sort split stat strings stty su sum swapoff swapon switch_root sync sysctl syslogd ' +
  'tac tail tar tee telnet test time timeout top touch tr traceroute traceroute6 true truncate tty udhcpc umount ' +
  'uname uniq unix2dos unlink unshare unxz unzip uptime usleep uudecode uuencode vconfig vi vlock watch wc wget ' +
  'which whoami whois xargs xxd xz xzcat yes zcat'
).split(' ');

/** alpine's busybox links: most in /bin, the rest in /usr/bin and /sbin (a subset of `apk info -L busybox`). */
const ALPINE_BIN = ('arch ash base64 bbconfig busybox cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname ' +
  'dumpkmap echo egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc ' +
  'kbd_mode kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint ' +
  'mpstat mv netstat nice pidof ping ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed ' +
  'setpriv setserial sh sleep stat stty su sync tar touch true umount uname usleep watch zcat').split(' ');
const ALPINE_USR_BIN = ('[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm ' +
  'cpio crontab cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor fallocate find ' +
  'flock fold free fuser getconf groups hd head hexdump hostid iconv id install ipcrm ipcs killall last ldd less ' +
  'logger lsof lsusb lzcat lzma md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup od ' +
  'openvt passwd paste pgrep pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize scanelf ' +
  'seq setkeycodes setsid sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split ssl_client strings sum ' +
  'tac tail tee test time timeout top tr traceroute traceroute6 tree truncate tty ttysize udhcpc6 unexpand uniq ' +
  'unix2dos unlink unlzma unlzop unshare unxz unzip uptime uudecode uuencode vi vlock volname wc wget which whoami ' +
  'whois xargs xxd xzcat yes').split(' ');

/** debian bookworm(-slim) /usr/bin (coreutils, bash, dash, grep, sed, tar, findutils, util-linux …; no procps, no wget). */
const DEBIAN_USR_BIN = ('[ addpart apt apt-cache apt-config apt-get arch awk b2sum base32 base64 basename basenc bash ' +
  'bashbug captoinfo cat chage chattr chcon chfn chgrp chmod choom chown chrt chsh cksum clear cmp comm cp csplit ' +
  'cut dash date dd deb-systemd-helper debconf delpart df diff diff3 dir dircolors dirname dmesg dnsdomainname ' +
  'domainname dpkg dpkg-query du echo egrep env expand expiry expr factor fallocate false fgrep find findmnt flock ' +
  'fmt fold getconf getent getopt gpasswd grep groups gunzip gzexe gzip head hostid hostname iconv id infocmp ' +
  'install ionice ipcmk ipcrm ipcs join kill last lastb ldd link ln locale logger login logname ls lsblk lscpu ' +
  'lsipc lslocks lslogins lsmem lsns mawk mcookie md5sum mesg mkdir mkfifo mknod mktemp more mount mountpoint mv ' +
  'namei newgrp nice nisdomainname nl nohup nproc nsenter numfmt od pager partx passwd paste pathchk perl pinky pr ' +
  'printenv printf prlimit ptx pwd rbash readlink realpath renice rev rgrep rm rmdir run-parts runcon savelog ' +
  'script scriptlive scriptreplay sdiff sed seq setarch setpriv setsid setterm sg sh sha1sum sha224sum sha256sum ' +
  'sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty su sum sync tabs tac tail tar taskset tee tempfile ' +
  'test tic timeout toe touch tput tr true truncate tset tsort tty tzselect uclampset umount uname uncompress ' +
  'unexpand uniq unlink unshare update-alternatives users utmpdump vdir wall wc wdctl whereis which who whoami ' +
  'xargs yes ypdomainname zcat zcmp zdiff zegrep zfgrep zforce zgrep zless zmore znew').split(' ');

/** What a base distribution contributes to an image. */
export interface OsBase {
  /** Absolute path → program id. */
  bins: Record<string, string>;
  /** Absolute path → content. */
  files: Record<string, string>;
  /** Directories that exist even when empty. */
  dirs: string[];
  /** Directory symlinks (merged /usr): link → target. */
  links: Record<string, string>;
}

function binsOf(dir: string, names: string[], program: (n: string) => string = (n) => n): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) out[`${dir}/${n}`] = program(n);
  return out;
}

const COMMON_DIRS = ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/sbin',
  '/usr/local', '/usr/local/bin', '/var', '/var/log', '/var/run'];

// The shells: busybox and alpine's /bin/sh is ash; debian's is dash; bash where installed.
const shellFor = (n: string) => (n === 'sh' || n === 'ash' ? 'ash' : n);

function osRelease(os: OsRelease): string {
  switch (os.flavor) {
    case 'alpine': {
      const minor = os.version.split('.').slice(0, 2).join('.');
      return `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${os.version}\nPRETTY_NAME="Alpine Linux v${minor}"\n` +
        'HOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n';
    }
    case 'debian': {
      const major = os.version.split('.')[0];
      return `PRETTY_NAME="Debian GNU/Linux ${major} (${os.codename})"\nNAME="Debian GNU/Linux"\nVERSION_ID="${major}"\n` +
        `VERSION="${major} (${os.codename})"\nVERSION_CODENAME=${os.codename}\nID=debian\nHOME_URL="https://www.debian.org/"\n` +
        'SUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';
    }
    case 'ubuntu': {
      const [maj, min] = os.version.split('.');
      const name = os.codename === 'noble' ? 'Noble Numbat' : os.codename === 'jammy' ? 'Jammy Jellyfish' : 'Focal Fossa';
      const lts = Number(maj) % 2 === 0 && min === '04';
      const short = `${maj}.${min}`;
      return `PRETTY_NAME="Ubuntu ${os.version}${lts ? ' LTS' : ''}"\nNAME="Ubuntu"\nVERSION_ID="${short}"\n` +
        `VERSION="${os.version}${lts ? ' LTS' : ''} (${name})"\nVERSION_CODENAME=${os.codename}\nID=ubuntu\nID_LIKE=debian\n` +
        'HOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n' +
        'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\n' +
        `UBUNTU_CODENAME=${os.codename}\nLOGO=ubuntu-logo\n`;
    }
    case 'oraclelinux':
      return `NAME="Oracle Linux Server"\nVERSION="${os.version}"\nID="ol"\nID_LIKE="fedora"\nVARIANT="Server"\n` +
        `VARIANT_ID="server"\nVERSION_ID="${os.version}"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Oracle Linux Server ${os.version}"\n` +
        'ANSI_COLOR="0;31"\nCPE_NAME="cpe:/o:oracle:linux:9:5:server"\nHOME_URL="https://linux.oracle.com/"\n';
    case 'distroless':
      return 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\n' +
        'HOME_URL="https://github.com/GoogleContainerTools/distroless"\nSUPPORT_URL="https://github.com/GoogleContainerTools/distroless/blob/master/README.md"\n' +
        'BUG_REPORT_URL="https://github.com/GoogleContainerTools/distroless/issues/new"\n';
    default:
      return '';
  }
}

const BUSYBOX_PASSWD = 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\n' +
  'sys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\n' +
  'www-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n';
const ALPINE_PASSWD = 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\n' +
  'lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\n' +
  'halt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/mail:/sbin/nologin\nnews:x:9:13:news:/usr/lib/news:/sbin/nologin\n' +
  'uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin\ncron:x:16:16:cron:/var/spool/cron:/sbin/nologin\n' +
  'ftp:x:21:21::/var/lib/ftp:/sbin/nologin\nsshd:x:22:22:sshd:/dev/null:/sbin/nologin\ngames:x:35:35:games:/usr/games:/sbin/nologin\n' +
  'ntp:x:123:123:NTP:/var/empty:/sbin/nologin\nguest:x:405:100:guest:/dev/null:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n';
const DEBIAN_PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n' +
  'sys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\n' +
  'man:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\n' +
  'news:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\n' +
  'proxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n' +
  'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\n' +
  'irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\n' +
  'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';

/** The files, directories and executables a distribution lays down. */
export function osBase(os: OsRelease): OsBase {
  switch (os.flavor) {
    case 'busybox':
      return {
        bins: binsOf('/bin', BUSYBOX_APPLETS, shellFor),
        files: { '/etc/passwd': BUSYBOX_PASSWD, '/etc/group': 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\nnobody:x:65534:\n' },
        dirs: [...COMMON_DIRS, '/lib', '/lib64', '/var/spool', '/var/www'],
        links: {},
      };
    case 'alpine':
      return {
        bins: { ...binsOf('/bin', ALPINE_BIN, shellFor), ...binsOf('/usr/bin', ALPINE_USR_BIN),
          '/sbin/apk': 'apk', '/sbin/ifconfig': 'ifconfig', '/sbin/ip': 'ip', '/sbin/route': 'route', '/sbin/sysctl': 'sysctl' },
        files: { '/etc/os-release': osRelease(os), '/etc/alpine-release': `${os.version}\n`, '/etc/passwd': ALPINE_PASSWD,
          '/etc/group': 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nnobody:x:65534:\n',
          '/etc/shells': '# valid login shells\n/bin/sh\n/bin/ash\n' },
        dirs: [...COMMON_DIRS, '/sbin', '/lib', '/media', '/mnt', '/opt', '/run', '/srv', '/usr/lib', '/usr/share', '/var/cache', '/var/lib'],
        links: {},
      };
    case 'debian':
    case 'ubuntu': {
      const bins = binsOf('/usr/bin', DEBIAN_USR_BIN, (n) => (n === 'sh' ? 'dash' : n === 'rbash' ? 'bash' : n));
      const files: Record<string, string> = { '/etc/os-release': osRelease(os), '/etc/passwd': DEBIAN_PASSWD,
        '/etc/group': 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\nwww-data:x:33:\nstaff:x:50:\nnogroup:x:65534:\n',
        '/etc/shells': '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n',
        '/root/.bashrc': '# ~/.bashrc: executed by bash(1) for non-login shells.\n', '/root/.profile': '# ~/.profile: executed by Bourne-compatible login shells.\n' };
      if (os.flavor === 'debian') files['/etc/debian_version'] = `${os.version}\n`;
      else files['/etc/lsb-release'] = `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${os.version.split('.').slice(0, 2).join('.')}\nDISTRIB_CODENAME=${os.codename}\n`;
      return {
        bins: { ...bins, '/usr/sbin/nologin': 'nologin' },
        files,
        dirs: [...COMMON_DIRS.filter((d) => d !== '/bin'), '/boot', '/media', '/mnt', '/opt', '/run', '/srv', '/usr/lib',
          '/usr/share', '/var/cache', '/var/lib', '/var/tmp'],
        // Merged /usr: /bin, /sbin, /lib are symlinks into /usr.
        links: { '/bin': 'usr/bin', '/sbin': 'usr/sbin', '/lib': 'usr/lib' },
      };
    }
    case 'oraclelinux':
      return {
        bins: binsOf('/usr/bin', ['bash', 'sh', 'cat', 'ls', 'echo', 'env', 'date', 'sleep', 'id', 'hostname', 'printenv',
          'mkdir', 'rm', 'touch', 'grep', 'head', 'tail', 'wc', 'uname', 'pwd', 'true', 'false', 'test', '[', 'sort', 'tr', 'cut'],
        (n) => (n === 'sh' ? 'bash' : n)),
        files: { '/etc/os-release': osRelease(os), '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nmysql:x:999:999::/var/lib/mysql:/bin/bash\n' },
        dirs: [...COMMON_DIRS.filter((d) => d !== '/bin'), '/usr/lib', '/var/lib'],
        links: { '/bin': 'usr/bin', '/sbin': 'usr/sbin', '/lib': 'usr/lib' },
      };
    case 'distroless':
      return { bins: {}, files: { '/etc/os-release': osRelease(os), '/etc/passwd': 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' },
        dirs: ['/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var'], links: {} };
    default:
      return { bins: {}, files: {}, dirs: ['/dev', '/etc', '/proc', '/sys'], links: {} };
  }
}
