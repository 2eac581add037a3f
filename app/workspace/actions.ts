"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/sign-out";

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/login?signedOut=1");
}
