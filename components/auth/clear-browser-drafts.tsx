"use client";

import { useEffect } from "react";

/** Every key Gongkai keeps in the browser starts with this (draft backups, the entry unit). */
export const BROWSER_STORAGE_PREFIX = "gongkai:";

/**
 * After sign-out: removes what the back office kept in this browser (unsaved draft backups and
 * settings in localStorage, sessionStorage). The sign-out answer's `Clear-Site-Data` does the same
 * where the browser honours it (secure contexts only); this covers the others, e.g. a demo opened
 * as http://<LAN address>.
 */
export function ClearBrowserDrafts() {
  useEffect(() => {
    try {
      const keys: string[] = [];
      for (let i = 0; i < localStorage.length; i += 1) {
        const key = localStorage.key(i);
        if (key !== null && key.startsWith(BROWSER_STORAGE_PREFIX)) keys.push(key);
      }
      for (const key of keys) localStorage.removeItem(key);
      sessionStorage.clear();
    } catch {
      // Storage disabled: nothing was kept.
    }
  }, []);
  return null;
}
