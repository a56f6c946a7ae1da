import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Observable, finalize, firstValueFrom, map, shareReplay, tap } from 'rxjs';
import { AuthClient, MeDto, Role, TenantsClient, TokenResponse } from '../api/l2r-api';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt?: string;
  refreshToken: string;
  user: MeDto;
}

export const SESSION_KEY = 'l2r.session';

/** A token this close to expiry is refreshed before a connection uses it. */
const TOKEN_MARGIN_MS = 60_000;

/** Who is signed in. Tokens live in localStorage so a reload keeps the session; refresh is single-flight. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly auth = inject(AuthClient);
  private readonly tenants = inject(TenantsClient);
  private readonly router = inject(Router);

  private readonly session = signal<Session | null>(readSession());
  private inFlightRefresh: Observable<string> | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);
  readonly roles = computed(() => (this.session()?.user.roles ?? []) as Role[]);
  readonly isAdmin = computed(() => this.roles().includes('Admin'));
  readonly isMarketing = computed(() => this.roles().includes('Marketing'));
  readonly isSales = computed(() => this.roles().includes('Sales'));

  accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  /**
   * A token with at least a minute left, refreshed first when needed: the live board's connection (and its reconnects)
   * does not pass through the HTTP interceptor that refreshes on a 401.
   */
  async currentAccessToken(): Promise<string> {
    const session = this.session();
    if (!session) return '';
    const expiresAt = session.accessTokenExpiresAt ? Date.parse(session.accessTokenExpiresAt) : NaN;
    if (Number.isNaN(expiresAt) || expiresAt - Date.now() > TOKEN_MARGIN_MS)
      return session.accessToken;
    try {
      return await firstValueFrom(this.refreshAccessToken());
    } catch {
      return session.accessToken;
    }
  }

  hasRole(...roles: Role[]): boolean {
    return roles.some((r) => this.roles().includes(r));
  }

  async login(tenant: string, email: string, password: string): Promise<void> {
    const tokens = await firstValueFrom(
      this.auth.login({ tenant: tenant.trim(), email: email.trim(), password }),
    );
    this.store(tokens);
  }

  /** Creates a tenant with its first admin, then signs that admin in. */
  async signUp(
    tenantName: string,
    adminName: string,
    adminEmail: string,
    adminPassword: string,
  ): Promise<string> {
    const created = await firstValueFrom(
      this.tenants.signUp({
        tenantName,
        adminName: adminName || undefined,
        adminEmail,
        adminPassword,
      }),
    );
    const slug = created.slug ?? '';
    await this.login(slug, adminEmail, adminPassword);
    return slug;
  }

  /**
   * Exchanges the refresh token for a new pair. Concurrent callers share one request, because the
   * server rotates refresh tokens and treats a reused one as theft (it revokes the whole family).
   */
  refreshAccessToken(): Observable<string> {
    if (this.inFlightRefresh) return this.inFlightRefresh;
    const refreshToken = this.session()?.refreshToken;
    if (!refreshToken) throw new Error('No session to refresh.');
    this.inFlightRefresh = this.auth.refresh({ refreshToken }).pipe(
      tap((tokens) => this.store(tokens)),
      map((tokens) => tokens.accessToken ?? ''),
      finalize(() => (this.inFlightRefresh = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inFlightRefresh;
  }

  /** Revokes the refresh token on the server (best effort) and forgets the session. */
  async logout(): Promise<void> {
    const refreshToken = this.session()?.refreshToken;
    this.clear();
    if (refreshToken) {
      try {
        await firstValueFrom(this.auth.logout({ refreshToken }));
      } catch {
        // The token is forgotten locally either way; an unreachable server must not keep the user signed in.
      }
    }
    await this.router.navigate(['/login']);
  }

  /** The session is gone (refresh refused): forget it and go to the login page. */
  expire(): void {
    this.clear();
    void this.router.navigate(['/login'], { queryParams: { expired: 1 } });
  }

  private store(tokens: TokenResponse): void {
    const previous = this.session();
    const session: Session = {
      accessToken: tokens.accessToken ?? '',
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      refreshToken: tokens.refreshToken ?? '',
      user: tokens.user ?? previous?.user ?? {},
    };
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    this.session.set(session);
  }

  private clear(): void {
    localStorage.removeItem(SESSION_KEY);
    this.session.set(null);
  }
}

function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    return session?.accessToken && session.refreshToken ? session : null;
  } catch {
    return null;
  }
}
